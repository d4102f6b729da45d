package io.nectar.client;

import static io.nectar.client.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorsAndMalformedResponsesTest {
  private static final UUID ID = UUID.fromString("0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c");

  private final MockWebServer server = new MockWebServer();
  private NectarClient nectar;

  @BeforeEach
  void start() throws IOException {
    server.start();
    nectar = NectarClient.builder().apiKey("k").baseUrl(server.url("/v2.2").toString()).maxRetries(0).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aValidationErrorCarriesStatusDetailFieldErrorsAndRequestId() {
    server.enqueue(new MockResponse.Builder().code(400).setHeader("X-Request-Id", "req-abc")
        .body("{\"detail\": \"Invalid input.\", \"errors\": {\"name\": [\"This field is required.\"],"
            + " \"users\": [\"Unknown email: x@y.z\", \"Unknown email: q@y.z\"]}}").build());

    assertThatThrownBy(() -> nectar.companies().get(ID))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).isEqualTo("Invalid input.");
          assertThat(e.fieldErrors()).isEqualTo(Map.of("name", List.of("This field is required."),
              "users", List.of("Unknown email: x@y.z", "Unknown email: q@y.z")));
          assertThat(e.requestId()).contains("req-abc");
          assertThat(e.getMessage()).contains("400", "Invalid input.", "req-abc");
        });
  }

  @Test
  void djangoStyleFieldErrorsWithoutDetailAreFieldErrorsToo() {
    server.enqueue(json(400, "{\"name\": [\"Ensure this field has no more than 200 characters.\"]}"));

    assertThatThrownBy(() -> nectar.companies().get(ID))
        .isInstanceOfSatisfying(InvalidRequestException.class, e ->
            assertThat(e.fieldErrors()).containsEntry("name", List.of("Ensure this field has no more than 200 characters.")));
  }

  @Test
  void eachStatusHasItsException() {
    Map<Integer, Class<? extends ApiException>> expected = Map.of(
        401, AuthenticationException.class, 403, PermissionException.class, 404, NotFoundException.class,
        409, ConflictException.class, 422, InvalidRequestException.class, 429, RateLimitException.class,
        500, ServerException.class, 405, ApiException.class);
    expected.forEach((status, type) -> {
      server.enqueue(json(status, "{\"detail\": \"d" + status + "\"}"));
      assertThatThrownBy(() -> nectar.companies().get(ID)).isExactlyInstanceOf(type)
          .extracting(e -> ((ApiException) e).detail()).isEqualTo("d" + status);
    });
  }

  @Test
  void anHtmlErrorPageFromAProxyStillGivesTheTypedExceptionWithTheStartOfThePage() {
    server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
        .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());

    assertThatThrownBy(() -> nectar.companies().get(ID))
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.status()).isEqualTo(502);
          assertThat(e.detail()).contains("502 Bad Gateway");
        });
  }

  @Test
  void anHtmlPageWithStatus200IsAMalformedResponse() {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
        .setHeader("X-Request-Id", "req-html").body("<!doctype html><html><body>Login</body></html>").build());

    assertThatThrownBy(() -> nectar.companies().get(ID))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.status()).isEqualTo(200);
          assertThat(e.requestId()).contains("req-html");
          assertThat(e.getMessage()).contains("not valid JSON", "<!doctype html>");
        });
  }

  @Test
  void truncatedJsonIsAMalformedResponse() {
    server.enqueue(json("{\"id\": \"0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c\", \"name\": \"Dem"));

    assertThatThrownBy(() -> nectar.companies().get(ID)).isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void jsonOfTheWrongShapeIsAMalformedResponseNamingTheExpectedType() {
    server.enqueue(json("[1, 2, 3]"));

    assertThatThrownBy(() -> nectar.companies().get(ID)).isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("Company");
  }

  @Test
  void aFieldOfTheWrongTypeIsAMalformedResponse() {
    server.enqueue(json("{\"id\": \"not-a-uuid\", \"name\": \"x\"}"));

    assertThatThrownBy(() -> nectar.companies().get(ID)).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void aPageWithoutItsItemsArrayIsAMalformedResponse() {
    server.enqueue(json("{\"totalMeters\": 3, \"currentPage\": 1, \"hasNext\": false}"));

    assertThatThrownBy(() -> nectar.meters().listByCompany(ID)).isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("\"meters\"");
  }

  @Test
  void anEmptyBodyWhereJsonIsExpectedIsAMalformedResponse() {
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertThatThrownBy(() -> nectar.companies().get(ID)).isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void aDeleteAnswering204NeedsNoBody() {
    server.enqueue(new MockResponse.Builder().code(204).build());

    nectar.companies().delete(ID);

    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
