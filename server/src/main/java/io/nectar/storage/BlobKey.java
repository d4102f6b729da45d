package io.nectar.storage;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules for blob keys, shared by every {@link BlobStore}. A key is what a signed link carries in
 * its path and what the file store turns into a path on disk, so anything that could climb out of
 * the store's folder ({@code ..}, an absolute path, a backslash on Windows) or need escaping in a URL
 * is refused outright rather than cleaned up.
 */
public final class BlobKey {
  /** Far above any real key; keeps a key well inside every file system's path limit. */
  static final int MAX_LENGTH = 512;
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,255}");
  private static final Pattern CONTENT_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+"
      + "(\\s*;\\s*[A-Za-z0-9!#$&^_.+-]+=(\"[^\"\\p{Cntrl}]*\"|[A-Za-z0-9!#$&^_.+-]+))*");
  private static final String DEFAULT_TYPE = "application/octet-stream";
  private static final Map<String, String> TYPES_BY_EXTENSION = Map.ofEntries(
      Map.entry("pdf", "application/pdf"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("tif", "image/tiff"),
      Map.entry("tiff", "image/tiff"),
      Map.entry("webp", "image/webp"),
      Map.entry("csv", "text/csv; charset=utf-8"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("xml", "application/xml"),
      Map.entry("html", "text/html; charset=utf-8"));

  private BlobKey() {}

  /**
   * Returns {@code key} unchanged if it is valid.
   *
   * @throws IllegalArgumentException naming the rule it breaks
   */
  public static String validate(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("A blob key must not be empty.");
    }
    if (key.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("A blob key must be at most " + MAX_LENGTH + " characters.");
    }
    if (key.startsWith("/")) {
      throw new IllegalArgumentException("A blob key must be relative, not start with '/'.");
    }
    if (key.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("A blob key must not contain a backslash.");
    }
    // -1 keeps trailing empty strings, so "a/" and "a//b" are caught as empty segments.
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("A blob key must not have empty segments.");
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("A blob key must not contain '.' or '..' segments.");
      }
      if (!SEGMENT.matcher(segment).matches()) {
        throw new IllegalArgumentException(
            "A blob key segment may hold only letters, digits, '.', '_' and '-' (at most 255).");
      }
    }
    return key;
  }

  /** True if {@link #validate} would accept {@code key}. */
  public static boolean isValid(String key) {
    try {
      validate(key);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The last segment: the name a browser saves the file under. */
  public static String fileName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  /** The media type for the key's extension, or {@code application/octet-stream}. */
  public static String contentTypeOf(String key) {
    String name = fileName(key);
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return DEFAULT_TYPE;
    }
    return TYPES_BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT_TYPE);
  }

  /**
   * Returns {@code contentType}, or the type derived from the key when it is null. The type ends up in
   * a response header, so anything that is not a plain media type (a line break above all) is refused.
   */
  static String contentType(String key, String contentType) {
    if (contentType == null) {
      return contentTypeOf(key);
    }
    if (contentType.length() > 200 || !CONTENT_TYPE.matcher(contentType).matches()) {
      throw new IllegalArgumentException("Not a valid content type.");
    }
    return contentType;
  }
}
