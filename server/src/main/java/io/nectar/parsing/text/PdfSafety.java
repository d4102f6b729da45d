package io.nectar.parsing.text;

import io.nectar.parsing.UnreadableFile;
import io.nectar.parsing.UnreadableFile.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;

/**
 * Looks at every object of a PDF before any text is read: actions that run code, and compressed
 * streams that expand beyond reason. PDFBox decodes a stream into memory in one go, so a small
 * file whose content inflates to gigabytes would take the heap with it; here each Flate stream is
 * inflated once into nothing, counting, and the count stops at a cap.
 */
final class PdfSafety {
  /** A page's drawing commands, a font or a form: far beyond anything a bill needs. */
  static final long MAX_DECODED_STREAM = 64L * 1024 * 1024;
  private static final Set<String> ACTIVE_ACTIONS = Set.of("JavaScript", "Launch", "ImportData", "Rendition");
  private static final COSName JS = COSName.getPDFName("JS");

  private final long maxPixels;

  PdfSafety(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  void check(COSDocument document) throws UnreadableFile, IOException {
    Map<COSBase, Boolean> seen = new IdentityHashMap<>();
    for (COSObjectKey key : List.copyOf(document.getXrefTable().keySet())) {
      COSObject object = document.getObjectFromPool(key);
      COSBase base = object == null ? null : object.getObject();
      if (base != null) {
        inspect(base, seen);
      }
    }
    inspect(document.getTrailer(), seen);
  }

  /** Walks an object's direct parts (indirect ones are visited from the cross-reference table). */
  private void inspect(COSBase root, Map<COSBase, Boolean> seen) throws UnreadableFile, IOException {
    Deque<COSBase> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      COSBase base = todo.pop();
      if (base instanceof COSObject || seen.put(base, Boolean.TRUE) != null) {
        continue;
      }
      if (base instanceof COSDictionary dictionary) {
        checkAction(dictionary);
        if (dictionary instanceof COSStream stream) {
          checkExpansion(stream);
        }
        for (COSBase value : dictionary.getValues()) {
          if (value instanceof COSDictionary || value instanceof COSArray) {
            todo.push(value);
          }
        }
      } else if (base instanceof COSArray array) {
        for (COSBase value : array) {
          if (value instanceof COSDictionary || value instanceof COSArray) {
            todo.push(value);
          }
        }
      }
    }
  }

  private static void checkAction(COSDictionary dictionary) throws UnreadableFile {
    COSName type = dictionary.getCOSName(COSName.S);
    if ((type != null && ACTIVE_ACTIONS.contains(type.getName())) || dictionary.containsKey(JS)) {
      throw new UnreadableFile(Reason.ACTIVE_CONTENT,
          "the PDF carries JavaScript or other actions that run on opening; such files are refused");
    }
    // Only the catalog's /Names dictionary has a /JavaScript key: the scripts run when the file opens.
    if (dictionary.containsKey(COSName.JAVA_SCRIPT)) {
      throw new UnreadableFile(Reason.ACTIVE_CONTENT,
          "the PDF carries JavaScript in its document names; such files are refused");
    }
  }

  private void checkExpansion(COSStream stream) throws UnreadableFile, IOException {
    int flates = leadingFlates(stream.getFilters());
    if (flates == 0) {
      return;
    }
    long limit = limitFor(stream);
    long decoded = 0;
    byte[] buffer = new byte[64 * 1024];
    List<Inflater> inflaters = new ArrayList<>(flates);
    try (InputStream in = inflated(stream.createRawInputStream(), flates, inflaters)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        decoded += n;
        if (decoded > limit) {
          throw new UnreadableFile(Reason.TOO_LARGE,
              "the PDF holds a compressed stream that expands beyond " + (limit >> 20)
                  + " MB (a decompression bomb); such files are refused");
        }
      }
    } catch (IOException e) {
      // A damaged stream is PDFBox's to judge (it is lenient and may still read the page).
    } finally {
      inflaters.forEach(Inflater::end);
    }
  }

  /** Flate on Flate (a bomb inside a bomb) is inflated through every layer. */
  private static InputStream inflated(InputStream raw, int layers, List<Inflater> inflaters) {
    InputStream in = raw;
    for (int i = 0; i < layers; i++) {
      Inflater inflater = new Inflater();
      inflaters.add(inflater);
      in = new InflaterInputStream(in, inflater, 16 * 1024);
    }
    return in;
  }

  /** An image may decode to its pixels; anything else gets the flat cap. */
  private long limitFor(COSStream stream) {
    if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
      long width = Math.max(0, stream.getLong(COSName.WIDTH));
      long height = Math.max(0, stream.getLong(COSName.HEIGHT));
      long pixels = Math.min(width * height, maxPixels);
      // Up to 4 components of 16 bits, plus a PNG predictor byte a row.
      return Math.max(MAX_DECODED_STREAM, pixels * 8 + height + 1024);
    }
    return MAX_DECODED_STREAM;
  }

  private static int leadingFlates(COSBase filter) {
    if (filter instanceof COSArray array) {
      int count = 0;
      while (count < array.size() && isFlate(array.getObject(count))) {
        count++;
      }
      return count;
    }
    return isFlate(filter) ? 1 : 0;
  }

  private static boolean isFlate(COSBase filter) {
    return COSName.FLATE_DECODE.equals(filter) || COSName.FLATE_DECODE_ABBREVIATION.equals(filter);
  }
}
