package io.nectar.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The body as fields, whatever it arrived as, read from an in-memory request ({@link FakeContext}). */
class RequestBodyTest {
  private static final long LIMIT = 1_000;

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "Application/JSON; charset=utf-8", "application/merge-patch+json",
      " application/json ;x=y"})
  void aJsonObjectIsReadAsTypedFields(String contentType) {
    RequestBody body = read(contentType, "{\"name\": \"a\", \"count\": 2, \"tags\": [\"x\"]}");

    assertThat(body.textual()).isFalse();
    assertThat(body.fields().toString()).isEqualTo("{\"name\":\"a\",\"count\":2,\"tags\":[\"x\"]}");
  }

  @Test
  void aFormIsReadAsTextFieldsAndARepeatedNameAsAList() {
    RequestBody body = read("application/x-www-form-urlencoded", "name=a+b&count=2&tag=x&tag=y&empty=");

    assertThat(body.textual()).isTrue();
    assertThat(body.fields().toString())
        .isEqualTo("{\"name\":\"a b\",\"count\":\"2\",\"tag\":[\"x\",\"y\"],\"empty\":\"\"}");
  }

  @Test
  void aFormIsDecodedInTheCharsetItsContentTypeNames() {
    FakeContext request = FakeContext.request("application/x-www-form-urlencoded; charset=ISO-8859-1",
        "name=caf\u00e9&escaped=caf%E9".getBytes(ISO_8859_1));

    RequestBody body = RequestBody.of(request.context(), LIMIT);

    assertThat(body.fields().get("name").asText()).isEqualTo("café");
    assertThat(body.fields().get("escaped").asText()).isEqualTo("café");
  }

  @Test
  void aFormThatIsNotTextInItsCharsetOrBadlyEscapedIsA400() {
    FakeContext notUtf8 = FakeContext.request("application/x-www-form-urlencoded",
        new byte[] {'a', '=', (byte) 0xE9});
    assertError(() -> RequestBody.of(notUtf8.context(), LIMIT), 400, "Malformed form body: not valid UTF-8 text.");

    assertThatThrownBy(() -> read("application/x-www-form-urlencoded", "ok=1&date=%ZZ"))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.errors()).containsOnlyKeys("date");
        });
    assertError(() -> read("application/x-www-form-urlencoded", "%ZZ=1"), 400,
        "Malformed form body: Malformed percent-encoding: \"%ZZ\" is not % followed by two hexadecimal digits.");
  }

  @Test
  void aMultipartFormIsReadAsTextFields() {
    String boundary = "b0undary";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\nx\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\ny\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nsolo\r\n"
        + "--" + boundary + "--\r\n";

    RequestBody body = read("multipart/form-data; boundary=" + boundary, multipart);

    assertThat(body.textual()).isTrue();
    assertThat(body.fields().toString()).isEqualTo("{\"tag\":[\"x\",\"y\"],\"name\":\"solo\"}");
  }

  @Test
  void noBodyAtAllIsAnEmptyObjectWithoutAContentType() {
    RequestBody body = read(null, "");

    assertThat(body.fields()).isEmpty();
    assertThat(body.textual()).isFalse();
    assertThat(read("", "").fields()).isEmpty();
  }

  @Test
  void aBodyWithoutContentTypeIsA415() {
    assertError(() -> read(null, "{}"), 415, "Missing Content-Type: send the body as application/json.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/xml", "application/jsonx"})
  void anotherMediaTypeIsA415NamingIt(String contentType) {
    assertError(() -> read(contentType + "; charset=utf-8", "{}"), 415, "Unsupported media type \"" + contentType
        + "\" in request: use application/json, application/x-www-form-urlencoded or multipart/form-data.");
  }

  @Test
  void jsonThatIsEmptyBrokenOrNotAnObjectIsA400() {
    assertError(() -> read("application/json", ""), 400, "JSON parse error: the request body is empty.");
    assertThatThrownBy(() -> read("application/json", "{\"a\": "))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).startsWith("JSON parse error: ").doesNotContain("com.fasterxml");
        });
    assertError(() -> read("application/json", "[1]"), 400, "Invalid data: expected a JSON object but got array.");
    assertError(() -> read("application/json", "\"text\""), 400, "Invalid data: expected a JSON object but got string.");
    assertError(() -> read("application/json", "null"), 400, "Invalid data: expected a JSON object but got null.");
    assertThatThrownBy(() -> read("application/json", " \n "))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void aBodyUpToTheLimitIsReadAndOneByteMoreIsA413() {
    String atLimit = "{\"a\":\"" + "x".repeat((int) LIMIT - 8) + "\"}";
    assertThat(atLimit).hasSize((int) LIMIT);

    assertThat(read("application/json", atLimit).fields().get("a").asText()).hasSize((int) LIMIT - 8);
    assertError(() -> read("application/json", atLimit + " "), 413, "Request body is too large: the limit is 1000 bytes.");
    assertError(() -> read(null, " ".repeat((int) LIMIT + 1)), 413, "Request body is too large: the limit is 1000 bytes.");
  }

  @Test
  void aBodyThatCannotBeReadIsA400() {
    FakeContext request = FakeContext.failingRequest("application/json");

    assertError(() -> RequestBody.of(request.context(), LIMIT), 400, "The request body could not be read.");
  }

  @Test
  void theBodyIsParsedOncePerRequest() {
    FakeContext request = FakeContext.request("application/json", "{\"a\": 1}".getBytes(UTF_8));
    var context = request.context();

    RequestBody first = RequestBody.of(context, LIMIT);

    assertThat(RequestBody.of(context, LIMIT)).isSameAs(first);
    assertThat(request.reads()).isEqualTo(1);
  }

  @Test
  void theTooLargeErrorNamesTheLimit() {
    ApiError error = RequestBody.tooLarge(5);

    assertThat(error.status()).isEqualTo(413);
    assertThat(error.detail()).isEqualTo("Request body is too large: the limit is 5 bytes.");
    assertThat(error.errors()).isEqualTo(Map.of());
  }

  private static RequestBody read(String contentType, String body) {
    return RequestBody.of(FakeContext.request(contentType, body.getBytes(UTF_8)).context(), LIMIT);
  }

  private static void assertError(ThrowingCallable call, int status, String detail) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.detail()).isEqualTo(detail);
    });
  }
}
