package io.nectar.jobs;

import io.nectar.parsing.BillDetector;
import io.nectar.parsing.BillReader;
import io.nectar.parsing.BillText;
import io.nectar.parsing.Detection;
import io.nectar.parsing.ExtractedBill;
import io.nectar.parsing.Field;
import io.nectar.parsing.Layouts;
import io.nectar.parsing.Line;
import io.nectar.parsing.Page;
import io.nectar.parsing.ParseLimits;
import io.nectar.parsing.TextReader;
import io.nectar.parsing.UnreadableFile;
import io.nectar.parsing.Validator;
import io.nectar.parsing.Word;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * TEST FIXTURE, not the bill-reading engine: a trivial text PDF ("FIXTURE UTILITY BILL", an
 * account, a period and a total) and a {@link BillReader} built from stand-in stages that read
 * exactly that, so the upload path can be tested before the real engine is merged. The lead
 * switches these tests to the real engine (and real bills) once it lands on main.
 */
final class FixtureBills {
  static final String MARKER = "FIXTURE UTILITY BILL";

  private FixtureBills() {}

  /** A one-page text PDF; {@code lines} make each file's bytes (and so its SHA-256) its own. */
  static byte[] pdf(String... lines) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 720);
        for (String line : lines) {
          text.showText(line);
          text.newLineAtOffset(0, -16);
        }
        text.endText();
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bill of the fixture layout, {@code nonce} making it a file of its own. */
  static byte[] bill(String nonce) {
    return pdf(MARKER, "Account 4455-01", "Period 2024-01-01 to 2024-01-31", "Total 42.50", "Ref " + nonce);
  }

  /** A PDF that is not a bill. */
  static byte[] letter(String nonce) {
    return pdf("Dear customer,", "this is a letter, not a bill.", "Ref " + nonce);
  }

  static BillReader reader() {
    return new BillReader(ParseLimits.defaults(), new PdfText(), new FixtureLayout(), new NotABill(),
        (text, detection) -> {
          throw new IllegalStateException("the fixture has no generic extractor");
        }, new Validator());
  }

  /** The PDF's text layer, one word per token, positions left rough. */
  private static final class PdfText implements TextReader {
    @Override
    public BillText read(io.nectar.parsing.BillFile file, io.nectar.parsing.Deadline deadline) throws UnreadableFile {
      try (PDDocument document = Loader.loadPDF(file.content())) {
        String text = new PDFTextStripper().getText(document);
        List<Line> lines = new ArrayList<>();
        float y = 0;
        for (String line : text.split("\\R")) {
          List<Word> words = new ArrayList<>();
          float x = 0;
          for (String word : Arrays.stream(line.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList()) {
            words.add(new Word(word, x, y, word.length() * 6f, 12, 1));
            x += word.length() * 6f + 4;
          }
          lines.add(new Line(words));
          y += 16;
        }
        return new BillText(file.type(), List.of(new Page(1, lines, Page.Origin.TEXT_LAYER, 612, 792)));
      } catch (IOException e) {
        throw new UnreadableFile(UnreadableFile.Reason.CORRUPT, "the PDF is damaged", e);
      }
    }
  }

  private static final class FixtureLayout implements Layouts {
    @Override
    public Optional<String> match(BillText text) {
      return text.text().contains(MARKER) ? Optional.of("fixture") : Optional.empty();
    }

    @Override
    public ExtractedBill extract(String layoutId, BillText text) {
      return ExtractedBill.builder(layoutId)
          .datasourceType(Field.of("ELECTRICITY", 1, "electricity"))
          .accountNumber(Field.of("4455-01", 1, "4455-01"))
          .periodStart(Field.of(LocalDate.of(2024, 1, 1), 1, "2024-01-01"))
          .periodEnd(Field.of(LocalDate.of(2024, 1, 31), 1, "2024-01-31"))
          .currency(Field.of("USD", 1, "$"))
          .totalCharges(Field.of(new BigDecimal("42.50"), 1, "42.50"))
          .build();
    }
  }

  private static final class NotABill implements BillDetector {
    @Override
    public Detection detect(BillText text) {
      return new Detection(false, 0.9, null, "no utility words");
    }
  }
}
