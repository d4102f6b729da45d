package io.nectar.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.client.model.AccountBulkUpdate;
import io.nectar.client.model.AccountUpdate;
import io.nectar.client.model.BrandingUpdate;
import io.nectar.client.model.CompanyUpdate;
import io.nectar.client.model.ConnectionFilter;
import io.nectar.client.model.ConnectionStatus;
import io.nectar.client.model.DataFilter;
import io.nectar.client.model.DatasourceType;
import io.nectar.client.model.IntervalFilter;
import io.nectar.client.model.NewConnection;
import io.nectar.client.model.NewInvitation;
import io.nectar.client.model.NewMagicLink;
import io.nectar.client.model.NewReconnectInvitation;
import io.nectar.client.model.NewWebhookEndpoint;
import io.nectar.client.model.UsageUpdate;
import io.nectar.client.model.WebhookEndpointUpdate;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every call goes to the path, method and body of the server's openapi.yaml. */
class EndpointsTest {
  private static final UUID A = UUID.fromString("0190f3a2-0000-7000-8000-00000000000a");
  private static final UUID B = UUID.fromString("0190f3a2-0000-7000-8000-00000000000b");

  private final MockWebServer server = new MockWebServer();
  private NectarClient nectar;

  @BeforeEach
  void start() throws IOException {
    // Every answer is an object that also holds an empty list under each envelope key, so one
    // body serves models, pages and (for list calls) an empty array is answered by path.
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (request.getMethod().equals("DELETE")) {
          return new MockResponse.Builder().code(204).build();
        }
        boolean array = (request.getMethod().equals("GET") && (path.endsWith("/company") || path.endsWith("/webhook/endpoint")))
            || path.startsWith("/v2.2/account/company/");
        String body = array ? "[]" : "{\"meters\": [], \"documents\": [], \"usageData\": [], \"connections\": [],"
            + " \"intervals\": [], \"jobs\": [], \"invitations\": [], \"attempts\": [], \"currentPage\": 1,"
            + " \"hasNext\": false, \"queued\": 1}";
        return Responses.json(body);
      }
    });
    server.start();
    nectar = NectarClient.builder().apiKey("k").baseUrl(server.url("/v2.2").toString()).maxRetries(0).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void expect(Runnable call, String method, String target, String body) throws InterruptedException {
    call.run();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod() + " " + request.getTarget()).isEqualTo(method + " /v2.2" + target);
    assertThat(request.getBody() == null ? "" : request.getBody().utf8()).isEqualTo(body);
  }

  private void expect(Runnable call, String method, String target) throws InterruptedException {
    expect(call, method, target, "");
  }

  @Test
  void companiesSitesAndPing() throws InterruptedException {
    expect(() -> nectar.ping(), "GET", "/ping");
    expect(() -> nectar.companies().list(), "GET", "/company");
    expect(() -> nectar.companies().get(A), "GET", "/company/" + A);
    expect(() -> nectar.companies().update(A, CompanyUpdate.builder().users(List.of("a@b.c")).build()), "PATCH",
        "/company/" + A, "{\"users\":[\"a@b.c\"]}");
    expect(() -> nectar.companies().delete(A), "DELETE", "/company/" + A);
    expect(() -> nectar.sites().get(A), "GET", "/site/" + A);
    expect(() -> nectar.sites().archive(A), "DELETE", "/site/" + A);
  }

  @Test
  void connectionsAccountsMetersAndIntervals() throws InterruptedException {
    expect(() -> nectar.connections().list(A, ConnectionFilter.builder().status(ConnectionStatus.CONNECTED)
        .sites(List.of(B)).connectionOwnerEmail("o@x.y").limit(500).build()), "GET",
        "/connection/company/" + A + "?status=CONNECTED&sites=" + B + "&connectionOwnerEmail=o%40x.y&limit=500");
    expect(() -> nectar.connections().create(A, NewConnection.builder("https://nectarclimate.com", "u", "p",
        List.of(B), "US").datasourceTypes(List.of(DatasourceType.GAS)).build()), "POST", "/connection/company/" + A,
        "{\"url\":\"https://nectarclimate.com\",\"username\":\"u\",\"password\":\"p\",\"sites\":[\"" + B
            + "\"],\"country\":\"US\",\"datasourceTypes\":[\"GAS\"]}");
    expect(() -> nectar.connections().get(A), "GET", "/connection/" + A + "/details");
    expect(() -> nectar.connections().editMagicLink(A), "GET", "/connection/" + A);
    expect(() -> nectar.connections().companyMagicLink(A, NewMagicLink.builder().sites(List.of(B)).build()), "POST",
        "/connection/company/" + A + "/link", "{\"sites\":[\"" + B + "\"]}");
    expect(() -> nectar.accounts().update(A, AccountUpdate.builder(false).updateMeters(true).build()), "PATCH",
        "/account/" + A, "{\"isTracked\":false,\"updateMeters\":true}");
    expect(() -> nectar.accounts().updateAll(A, AccountBulkUpdate.builder(List.of(B), true).build()), "PATCH",
        "/account/company/" + A, "{\"accounts\":[\"" + B + "\"],\"isTracked\":true}");
    expect(() -> nectar.meters().get(A), "GET", "/meter/" + A);
    expect(() -> nectar.meters().listByCompany(A), "GET", "/meter/company/" + A);
    expect(() -> nectar.meters().listByConnection(A), "GET", "/meter/connection/" + A);
    expect(() -> nectar.intervals().listByConnection(A, IntervalFilter.builder()
        .start(Instant.parse("2024-01-01T00:00:00Z")).datasourceTypes(List.of(DatasourceType.ELECTRICITY)).build()),
        "GET", "/interval/connection/" + A + "?startDate=2024-01-01T00%3A00%3A00Z&datasourceType=ELECTRICITY");
  }

  @Test
  void documentsUsageAndJobs() throws InterruptedException {
    expect(() -> nectar.documents().listBySite(A, DataFilter.NONE), "GET", "/document/site/" + A);
    expect(() -> nectar.documents().listByConnection(A, DataFilter.NONE), "GET", "/document/connection/" + A);
    expect(() -> nectar.documents().get(A), "GET", "/document/" + A);
    expect(() -> nectar.documents().delete(A), "DELETE", "/document/" + A);
    expect(() -> nectar.usage().listByCompany(A, DataFilter.NONE), "GET", "/usage/company/" + A);
    expect(() -> nectar.usage().listByConnection(A, DataFilter.NONE), "GET", "/usage/connection/" + A);
    expect(() -> nectar.usage().listByDocument(A, DataFilter.builder().isDeleted(true).build()), "GET",
        "/usage/document/" + A);
    expect(() -> nectar.usage().update(A, UsageUpdate.builder().usage(new BigDecimal("12.50")).tariff(null).build()),
        "PATCH", "/usage/" + A, "{\"usage\":\"12.50\",\"tariff\":null}");
    expect(() -> nectar.jobs().get(A), "GET", "/job/" + A);
    expect(() -> nectar.jobs().list(A), "GET", "/job/company/" + A);
  }

  @Test
  void invitationsWebhooksSandboxAndBranding() throws InterruptedException {
    expect(() -> nectar.invitations().create(A, NewInvitation.builder().maxUses(2).prefill(
        NewInvitation.Prefill.builder().country("US").utilityTypes(List.of(DatasourceType.WATER)).build()).build()),
        "POST", "/invitation/company/" + A, "{\"maxUses\":2,\"prefill\":{\"country\":\"US\",\"utilityTypes\":[\"WATER\"]}}");
    expect(() -> nectar.invitations().reconnect(A, NewReconnectInvitation.builder().maxUses(1).build()), "POST",
        "/invitation/connection/" + A, "{\"maxUses\":1}");
    expect(() -> nectar.invitations().list(A), "GET", "/invitation/company/" + A);
    expect(() -> nectar.invitations().get(A), "GET", "/invitation/" + A);
    expect(() -> nectar.invitations().revoke(A), "POST", "/invitation/" + A + "/revoke");
    expect(() -> nectar.webhooks().portalLink(), "GET", "/webhook");
    expect(() -> nectar.webhooks().listEndpoints(), "GET", "/webhook/endpoint");
    expect(() -> nectar.webhooks().createEndpoint(NewWebhookEndpoint.builder("https://h.example/hook")
        .eventTypes(List.of("document.created.v2")).build()), "POST", "/webhook/endpoint",
        "{\"url\":\"https://h.example/hook\",\"eventTypes\":[\"document.created.v2\"]}");
    expect(() -> nectar.webhooks().getEndpoint(A), "GET", "/webhook/endpoint/" + A);
    expect(() -> nectar.webhooks().updateEndpoint(A, WebhookEndpointUpdate.builder().disabled(false).build()), "PATCH",
        "/webhook/endpoint/" + A, "{\"isDisabled\":false}");
    expect(() -> nectar.webhooks().deleteEndpoint(A), "DELETE", "/webhook/endpoint/" + A);
    expect(() -> nectar.webhooks().rotateSecret(A), "POST", "/webhook/endpoint/" + A + "/rotate-secret");
    expect(() -> nectar.webhooks().sendTest(A), "POST", "/webhook/endpoint/" + A + "/test");
    expect(() -> nectar.webhooks().recover(A, Instant.parse("2025-01-01T00:00:00Z")), "POST",
        "/webhook/endpoint/" + A + "/recover", "{\"since\":\"2025-01-01T00:00:00Z\"}");
    expect(() -> nectar.webhooks().listAttempts(A), "GET", "/webhook/endpoint/" + A + "/attempt");
    expect(() -> assertThat(nectar.webhooks().replay(A).queued()).isEqualTo(1), "POST", "/webhook/message/" + A + "/replay");
    expect(() -> nectar.sandbox().createBill(A), "POST", "/sandbox/connection/" + A + "/bill");
    expect(() -> nectar.organization().branding(), "GET", "/organization/branding");
    expect(() -> nectar.organization().updateBranding(BrandingUpdate.builder().colour("#112233").logoUrl(null).build()),
        "PATCH", "/organization/branding", "{\"colour\":\"#112233\",\"logoUrl\":null}");
  }

  @Test
  void everyRequestCarriesTheKeyAUserAgentAndJson() throws InterruptedException {
    nectar.ping();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("X-API-Key")).isEqualTo("k");
    assertThat(request.getHeaders().get("User-Agent")).matches("nectar-java/[^ ]+ Java/.+").doesNotContain("unknown");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
  }

  @Test
  void requestOptionsReplaceTheKeyForOneCall() throws InterruptedException {
    nectar.ping(RequestOptions.builder().apiKey("other").build());
    nectar.ping();
    assertThat(server.takeRequest().getHeaders().get("X-API-Key")).isEqualTo("other");
    assertThat(server.takeRequest().getHeaders().get("X-API-Key")).isEqualTo("k");
  }

  @Test
  void theBaseUrlDecidesTheVersionOrGetsOne() {
    assertThat(NectarClient.builder().apiKey("k").build().apiVersion()).isEqualTo(ApiVersion.V2_2);
    assertThat(NectarClient.builder().apiKey("k").baseUrl("http://localhost:8080/v2.1/").build().baseUrl())
        .hasToString("http://localhost:8080/v2.1");
    NectarClient bare = NectarClient.builder().apiKey("k").baseUrl("http://localhost:8080").apiVersion(ApiVersion.V2).build();
    assertThat(bare.baseUrl()).hasToString("http://localhost:8080/v2");
    assertThat(bare.apiVersion()).isEqualTo(ApiVersion.V2);
    assertThatThrownBy(() -> NectarClient.builder().apiKey("k").baseUrl("http://h/v2.2").apiVersion(ApiVersion.V2).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NectarClient.builder().build()).isInstanceOf(IllegalStateException.class);
  }
}
