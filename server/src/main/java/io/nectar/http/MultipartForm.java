package io.nectar.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;

/**
 * A {@code multipart/form-data} body of text fields, parsed from bytes already read (and bounded)
 * rather than through the servlet, for three reasons: the servlet stops at 1,000 parts although
 * the same fields URL-encoded are accepted, it reads a part that carries a {@code filename} as if
 * the field were absent, and when it fails half-way it leaves the rest of the body unread, so Jetty
 * drops the connection under a keep-alive client.
 */
final class MultipartForm {
  private MultipartForm() {}

  /**
   * The fields of {@code body}, each name with its values in the order sent. Only the byte limit
   * bounds the number of parts, as it bounds the fields of a URL-encoded body.
   */
  static Map<String, List<String>> fields(byte[] body, String contentType, long maxBytes) {
    FileForm form = withFiles(body, contentType, maxBytes);
    if (!form.files().isEmpty()) {
      Map<String, List<String>> errors = new LinkedHashMap<>();
      form.files().keySet().forEach(name -> errors.put(name,
          List.of("Expected a text value but got a file: send this field without a filename.")));
      throw ApiError.invalid(errors);
    }
    return form.fields();
  }

  /**
   * The text fields and file parts of {@code body}: a part with a {@code filename} is a file, any
   * other a text field (decoded as {@link #fields} decodes it).
   */
  static FileForm withFiles(byte[] body, String contentType, long maxBytes) {
    MultiPartFormData.Parser parser = parser(contentType, maxBytes);
    MultiPartFormData.Parts parts;
    try {
      parts = parser.parse(Content.Source.from(ByteBuffer.wrap(body))).join();
    } catch (CompletionException | IllegalStateException | IllegalArgumentException e) {
      throw malformed();
    }
    try (parts) {
      Map<String, List<String>> fields = new LinkedHashMap<>();
      Map<String, List<FileForm.FilePart>> files = new LinkedHashMap<>();
      Map<String, List<String>> errors = new LinkedHashMap<>();
      for (MultiPart.Part part : parts) {
        String name = part.getName() == null ? "" : part.getName();
        if (part.getFileName() != null) {
          ByteBuffer bytes;
          try {
            bytes = Content.Source.asByteBuffer(part.createContentSource());
          } catch (IOException e) {
            throw malformed();
          }
          byte[] content = new byte[bytes.remaining()];
          bytes.get(content);
          files.computeIfAbsent(name, n -> new ArrayList<>()).add(new FileForm.FilePart(part.getFileName(), content));
          continue;
        }
        Charset charset = charsetOf(part, parser.getDefaultCharset());
        try {
          fields.computeIfAbsent(name, n -> new ArrayList<>()).add(text(part, charset));
        } catch (CharacterCodingException e) {
          errors.put(name, List.of("The value is not valid " + charset.name() + " text."));
        }
      }
      if (!errors.isEmpty()) {
        throw ApiError.invalid(errors);
      }
      return new FileForm(fields, files);
    }
  }

  private static MultiPartFormData.Parser parser(String contentType, long maxBytes) {
    String boundary = MultiPart.extractBoundary(contentType);
    if (boundary == null || boundary.isEmpty()) {
      throw malformed();
    }
    MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
    parser.setMaxParts(maxBytes);
    parser.setMaxLength(maxBytes);
    parser.setMaxFileSize(maxBytes);
    // Everything stays in memory: the body is already bounded and in memory.
    parser.setMaxMemoryFileSize(maxBytes);
    parser.setUseFilesForPartsWithoutFileName(false);
    return parser;
  }

  private static String text(MultiPart.Part part, Charset charset) throws CharacterCodingException {
    ByteBuffer bytes;
    try {
      bytes = Content.Source.asByteBuffer(part.createContentSource());
    } catch (IOException e) {
      throw malformed();
    }
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(bytes)
        .toString();
  }

  /** The part's own charset, else the form's {@code _charset_}, else UTF-8 (RFC 7578 §4.6). */
  private static Charset charsetOf(MultiPart.Part part, Charset formDefault) {
    return FormEncoding.charset(part.getHeaders().get(HttpHeader.CONTENT_TYPE),
        formDefault == null ? StandardCharsets.UTF_8 : formDefault);
  }

  static ApiError malformed() {
    return ApiError.badRequest(
        "Malformed form body: not valid multipart/form-data (check the boundary and the part headers).");
  }
}
