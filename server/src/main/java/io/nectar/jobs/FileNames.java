package io.nectar.jobs;

import io.nectar.parsing.FileType;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The name a file is shown under (the document's {@code fileName}): the last segment of what the
 * client sent, without folders or control characters, and a name of our own when none is left.
 */
final class FileNames {
  private static final int MAX_LENGTH = 255;

  private FileNames() {}

  /** The multipart {@code filename}; browsers on Windows once sent the whole path. */
  static String of(String sent, FileType type) {
    String name = clean(sent);
    return name.isEmpty() ? "document." + (type == null ? "bin" : type.extension()) : name;
  }

  /** The last path segment of a bulk URL, decoded, else {@code document-<n>}. */
  static String ofUrl(String url, int position) {
    String name = "";
    try {
      String path = URI.create(url).getRawPath();
      if (path != null) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        name = clean(URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException e) {
      name = "";
    }
    return name.isEmpty() ? "document-" + (position + 1) : name;
  }

  private static String clean(String sent) {
    if (sent == null) {
      return "";
    }
    String last = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
    String visible = last.replaceAll("\\p{Cntrl}", "").strip();
    if (visible.equals(".") || visible.equals("..")) {
      return "";
    }
    return visible.codePointCount(0, visible.length()) <= MAX_LENGTH ? visible
        : visible.substring(0, visible.offsetByCodePoints(0, MAX_LENGTH));
  }
}
