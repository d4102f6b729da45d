package io.nectar.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request body as named fields, whatever it arrived as: JSON, form-urlencoded or multipart
 * (Nectar accepts all three, being a Django REST Framework service). Form values are text, so
 * {@link Fields} reads them leniently ("true", "12.5"); JSON values must have the right type.
 */
public record RequestBody(ObjectNode fields, boolean textual) {
  private static final String ATTRIBUTE = "nectar.requestBody";

  /** Parses (once per request) and returns the body of {@code ctx}, enforcing {@code maxBytes}. */
  public static RequestBody of(Context ctx, long maxBytes) {
    RequestBody cached = ctx.attribute(ATTRIBUTE);
    if (cached != null) {
      return cached;
    }
    RequestBody body = parse(ctx, maxBytes);
    ctx.attribute(ATTRIBUTE, body);
    return body;
  }

  private static RequestBody parse(Context ctx, long maxBytes) {
    String contentType = ctx.contentType();
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (mediaType.isEmpty()) {
      byte[] bytes = readBounded(ctx, maxBytes);
      if (bytes.length == 0) {
        return new RequestBody(Json.object(), false);
      }
      throw new ApiError(415, "Missing Content-Type: send the body as application/json.");
    }
    if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
      return new RequestBody(parseJson(readBounded(ctx, maxBytes)), false);
    }
    if (mediaType.equals("application/x-www-form-urlencoded")) {
      return new RequestBody(formFields(urlEncoded(readBounded(ctx, maxBytes), contentType)), true);
    }
    if (mediaType.equals("multipart/form-data")) {
      return new RequestBody(formFields(MultipartForm.fields(readBounded(ctx, maxBytes), contentType, maxBytes)), true);
    }
    throw new ApiError(415, "Unsupported media type \"" + mediaType
        + "\" in request: use application/json, application/x-www-form-urlencoded or multipart/form-data.");
  }

  private static ObjectNode parseJson(byte[] bytes) {
    if (bytes.length == 0) {
      throw ApiError.badRequest("JSON parse error: the request body is empty.");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("JSON parse error: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!(node instanceof ObjectNode object)) {
      throw ApiError.badRequest("Invalid data: expected a JSON object but got "
          + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)) + ".");
    }
    return object;
  }

  /** A URL-encoded body, decoded strictly: a broken {@code %} escape is a 400, not a field dropped. */
  private static Map<String, List<String>> urlEncoded(byte[] bytes, String contentType) {
    Charset charset = FormEncoding.charset(contentType, StandardCharsets.UTF_8);
    String text;
    try {
      text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ApiError.badRequest("Malformed form body: not valid " + charset.name() + " text.");
    }
    try {
      return FormEncoding.decode(text, charset);
    } catch (FormEncoding.Malformed e) {
      throw e.asError("form body");
    }
  }

  private static ObjectNode formFields(Map<String, List<String>> params) {
    ObjectNode fields = Json.object();
    params.forEach((name, values) -> {
      if (values.size() == 1) {
        fields.put(name, values.get(0));
      } else {
        ArrayNode array = fields.putArray(name);
        values.forEach(array::add);
      }
    });
    return fields;
  }

  /** Reads the body, failing with 413 as soon as it grows past the limit (chunked bodies included). */
  static byte[] readBounded(Context ctx, long maxBytes) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw ApiError.badRequest("The request body could not be read.");
    }
  }

  public static ApiError tooLarge(long maxBytes) {
    return new ApiError(413, "Request body is too large: the limit is " + maxBytes + " bytes.");
  }
}
