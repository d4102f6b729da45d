package io.nectar.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one JSON configuration of the server, and helpers that write JSON responses. */
public final class Json {
  /** Request attribute holding the bytes of a JSON response, so idempotency can replay them. */
  static final String RESPONSE_BYTES = "nectar.responseBytes";
  private static final Logger log = LoggerFactory.getLogger(Json.class);

  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      // Exact decimals end to end: a number in a request never passes through a double.
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(JsonParser.Feature.ALLOW_COMMENTS)
      .build();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** ISO-8601 UTC with {@code Z}, as in every response (CONTRACT §2). */
  public static String timestamp(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  public static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  /** Decimals are JSON strings holding a plain decimal (CONTRACT §2). */
  public static String decimal(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  public static ArrayNode strings(List<String> values) {
    ArrayNode array = MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  /** Writes {@code body} as the JSON response with {@code status}. */
  public static void respond(Context ctx, int status, Object body) {
    try {
      byte[] bytes = MAPPER.writeValueAsBytes(body);
      ctx.attribute(RESPONSE_BYTES, bytes);
      ctx.status(status).contentType("application/json").result(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes what {@code writer} writes as the JSON response with {@code status}, without a tree in between. */
  /**
   * Writes a JSON response to the client while it is generated, for pages of up to megabytes: held
   * whole in memory (and copied once more for the response) such a page is what filled the young
   * generation and pushed garbage into the old one under load. Only for reads: idempotency cannot
   * replay a body that was never held.
   */
  public static void stream(Context ctx, int status, JsonWriter writer) {
    ctx.status(status).contentType("application/json");
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(ctx.outputStream())) {
      writer.write(g);
    } catch (IOException e) {
      // The client went away (or stopped reading) mid-page: nothing is left to tell it.
      log.info("The client of {} {} left before its response was written: {}", ctx.method(), ctx.path(), e.toString());
    } catch (RuntimeException e) {
      // Part of the page may be with the client already: an error body now would follow half a page
      // under a 200. The connection is cut instead, so the client sees a failed transfer, never a
      // short page that parses.
      log.error("Writing the response of {} {} failed; connection aborted", ctx.method(), ctx.path(), e);
      ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(e);
    }
  }

  /** What {@code writer} writes, as a tree (for a caller that adds to it or embeds it in a tree). */
  public static com.fasterxml.jackson.databind.JsonNode tree(JsonWriter writer) {
    try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
      writer.write(buffer);
      return MAPPER.readTree(buffer.asParser(MAPPER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a field whose value is a string or null. */
  public static void field(JsonGenerator g, String name, String value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, value);
    }
  }

  /**
   * Writes a field whose value is a string or null, under a name encoded once: for the fields of
   * rows that a page repeats thousands of times, where encoding each name anew was the largest
   * part of writing the page.
   */
  public static void field(JsonGenerator g, SerializableString name, String value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  /**
   * Marks a response a route wrote itself (an HTML page) as final, so that the server's pages for
   * error statuses (404, 413...) do not replace it with their JSON.
   */
  public static void written(Context ctx, byte[] body) {
    ctx.attribute(RESPONSE_BYTES, body);
  }

  /** A 204 with no body. */
  public static void noContent(Context ctx) {
    ctx.attribute(RESPONSE_BYTES, new byte[0]);
    ctx.status(204).result(new byte[0]);
  }

  static ObjectNode error(ApiError error) {
    ObjectNode body = object().put("detail", error.detail());
    if (!error.errors().isEmpty()) {
      body.set("errors", MAPPER.valueToTree(error.errors()));
    }
    return body;
  }

  static ObjectNode detail(String detail) {
    return object().put("detail", detail);
  }
}
