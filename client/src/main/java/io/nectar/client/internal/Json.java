package io.nectar.client.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.nectar.client.MalformedResponseException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The one Jackson configuration of the SDK. Not part of the public API.
 *
 * <p>Lenient where Nectar evolves (unknown fields are ignored, unknown enum values become
 * {@code UNKNOWN}), exact where money is concerned (decimals are read into {@link BigDecimal} and
 * written as plain JSON strings, as the API sends them).
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule("nectar-decimals").addSerializer(BigDecimal.class, new PlainDecimal()))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .build();

  private Json() {
  }

  /** The SDK's mapper, for callers (the CLI) that print models as JSON the way the API writes them. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** Reads a success body, turning any parse or shape failure into a {@link MalformedResponseException}. */
  public static <T> T read(ApiResponse response, JavaType type) {
    JsonNode tree = tree(response);
    return convert(response, tree, type);
  }

  public static JsonNode tree(ApiResponse response) {
    if (response.body().length == 0) {
      throw new MalformedResponseException("Expected a JSON body but the response was empty",
          response.status(), response.requestId(), null);
    }
    try {
      JsonNode tree = MAPPER.readTree(response.body());
      if (tree == null || tree.isMissingNode()) {
        throw new MalformedResponseException("Expected a JSON body but the response was empty",
            response.status(), response.requestId(), null);
      }
      return tree;
    } catch (IOException e) {
      throw new MalformedResponseException("The response is not valid JSON: " + snippet(response.body()),
          response.status(), response.requestId(), e);
    }
  }

  public static <T> T convert(ApiResponse response, JsonNode node, JavaType type) {
    try {
      return MAPPER.readValue(MAPPER.treeAsTokens(node), type);
    } catch (IOException | IllegalArgumentException e) {
      throw new MalformedResponseException("The response is not a " + describe(type) + ": "
          + firstLine(e.getMessage()), response.status(), response.requestId(), e);
    }
  }

  public static JavaType type(Class<?> type) {
    return MAPPER.constructType(type);
  }

  public static JavaType listOf(Class<?> type) {
    return MAPPER.getTypeFactory().constructCollectionType(java.util.List.class, type);
  }

  private static String describe(JavaType type) {
    if (type.isCollectionLikeType()) {
      return "JSON array of " + type.getContentType().getRawClass().getSimpleName();
    }
    return type.getRawClass().getSimpleName();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /** The start of a body, for messages: enough to recognise an HTML error page or a cut-off document. */
  public static String snippet(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  private static final class PlainDecimal extends StdSerializer<BigDecimal> {
    private static final long serialVersionUID = 1L;

    PlainDecimal() {
      super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      generator.writeString(value.toPlainString());
    }
  }
}
