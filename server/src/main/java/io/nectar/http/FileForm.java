package io.nectar.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/form-data} body that carries files as well as text fields (a bill upload),
 * read once per request within the route's own body limit. Routes of plain fields use {@link Fields},
 * which refuses a file part.
 *
 * @param fields each text field with its values in the order sent
 * @param files each file field with its parts in the order sent
 */
public record FileForm(Map<String, List<String>> fields, Map<String, List<FilePart>> files) {
  private static final String ATTRIBUTE = "nectar.fileForm";

  public FileForm {
    // Kept in the order sent, which Map.copyOf would lose.
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
  }

  /** One file part: the name the client gave it (may be blank) and its bytes. */
  public record FilePart(String fileName, byte[] bytes) {
    /** Names the size, not the contents: these are customers' bills. */
    @Override
    public String toString() {
      return "FilePart[" + fileName + ", " + bytes.length + " bytes]";
    }
  }

  /** Parses (once per request) the body of {@code ctx}: multipart only, at most {@code maxBytes}. */
  public static FileForm of(Context ctx, long maxBytes) {
    FileForm cached = ctx.attribute(ATTRIBUTE);
    if (cached != null) {
      return cached;
    }
    String contentType = ctx.contentType();
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("multipart/form-data")) {
      throw new ApiError(415, "Send the file as multipart/form-data (curl -F document=@bill.pdf), not as "
          + (mediaType.isEmpty() ? "a body without Content-Type" : mediaType) + ".");
    }
    FileForm form = MultipartForm.withFiles(RequestBody.readBounded(ctx, maxBytes), contentType, maxBytes);
    ctx.attribute(ATTRIBUTE, form);
    return form;
  }
}
