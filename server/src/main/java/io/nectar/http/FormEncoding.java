package io.nectar.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.MimeTypes;

/**
 * {@code application/x-www-form-urlencoded}, as query strings and form bodies carry it, decoded
 * strictly. Javalin's decoder drops a parameter whose percent-encoding is broken ({@code %ZZ}), so
 * {@code ?startDate=%ZZ} used to return unfiltered data; here a stray {@code %} or bytes that are not
 * text in the charset are an error the client sees.
 */
final class FormEncoding {
  private FormEncoding() {}

  /** Encoding that cannot be decoded; {@code parameter} names it when its name could be read. */
  static final class Malformed extends IllegalArgumentException {
    private final String parameter;

    Malformed(String parameter, String message) {
      super(message, null);
      this.parameter = parameter;
    }

    /** A 400 naming the parameter when its name could be read; {@code where} names the whole otherwise. */
    ApiError asError(String where) {
      return parameter == null
          ? ApiError.badRequest("Malformed " + where + ": " + getMessage())
          : ApiError.invalidField(parameter, getMessage());
    }
  }

  /**
   * The charset a Content-Type names ({@code text/plain; charset=ISO-8859-1}), or {@code otherwise}
   * when it names none; one the server does not know is a 415.
   */
  static Charset charset(String contentType, Charset otherwise) {
    String named = contentType == null ? null : MimeTypes.getCharsetFromContentType(contentType);
    if (named == null) {
      return otherwise;
    }
    try {
      return Charset.forName(named);
    } catch (IllegalArgumentException e) {
      throw new ApiError(415, "Unsupported charset \"" + named + "\" in Content-Type \"" + contentType + "\".");
    }
  }

  /** The parameters of {@code encoded}, each name with its values in the order sent. */
  static Map<String, List<String>> decode(String encoded, Charset charset) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    int start = 0;
    while (start <= encoded.length()) {
      int end = encoded.indexOf('&', start);
      end = end < 0 ? encoded.length() : end;
      if (end > start) {
        int equals = encoded.indexOf('=', start);
        int nameEnd = equals < 0 || equals > end ? end : equals;
        String name = component(encoded, start, nameEnd, charset, null);
        String value = nameEnd == end ? "" : component(encoded, nameEnd + 1, end, charset, name);
        parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
      start = end + 1;
    }
    return parameters;
  }

  private static String component(String encoded, int from, int to, Charset charset, String parameter) {
    StringBuilder text = new StringBuilder(to - from);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = from; i < to; i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        int high = i + 2 < to ? Character.digit(encoded.charAt(i + 1), 16) : -1;
        int low = i + 2 < to ? Character.digit(encoded.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          throw new Malformed(parameter, "Malformed percent-encoding: \"" + encoded.substring(i, Math.min(i + 3, to))
              + "\" is not % followed by two hexadecimal digits.");
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else {
        flush(bytes, text, charset, parameter);
        text.append(c == '+' ? ' ' : c);
      }
    }
    flush(bytes, text, charset, parameter);
    return text.toString();
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder text, Charset charset, String parameter) {
    if (bytes.size() == 0) {
      return;
    }
    try {
      text.append(charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())));
    } catch (CharacterCodingException e) {
      throw new Malformed(parameter, "Malformed percent-encoding: the bytes are not valid " + charset.name() + ".");
    }
    bytes.reset();
  }
}
