package io.nectar.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The legacy magic links (nectar-api.md §11.2): made by API on GET and POST, opened by the hosted
 * pages, refused when one byte is altered, and the public company id that replaces the private one.
 */
class MagicLinkTest {
  static TestServer server;
  static Fixtures fixtures;
  static MagicLinks links;
  static String key;
  static String companyId;
  static String siteA;
  static String siteB;
  static String connectionId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    fixtures = new Fixtures(server);
    links = server.server().magicLinks();
    key = server.tenant("Magic Org", Environment.SANDBOX).key();
    companyId = fixtures.company(key, "Magic Co");
    siteA = fixtures.site(key, companyId, "A");
    siteB = fixtures.site(key, companyId, "B");
    connectionId = fixtures.sandboxConnection(key, companyId, List.of(siteA), 1, "");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aCompanyLinkIsMadeOnGetAndPostUnderEveryPathAndVersion() {
    for (String prefix : Fixtures.PREFIXES) {
      for (String path : List.of("/connection/company/" + companyId + "/link", "/company/" + companyId + "/connection/link")) {
        for (String method : List.of("GET", "POST")) {
          Response response = server.send(method, prefix + path, key, null, null, Map.of());
          assertThat(response.status()).as(method + " " + path + " " + response).isEqualTo(200);
          JsonNode json = response.json();
          String publicId = json.path("publicCompanyId").asText();
          String secret = json.path("companyMagicLinkSecret").asText();
          assertThat(publicId).matches("[0-9a-f]{32}").isNotEqualTo(companyId.replace("-", ""));
          assertThat(json.path("magicLinkUrl").asText())
              .isEqualTo(server.server().config().publicUrl() + "/p/connect/" + publicId + "/" + secret);
          HostedCompanyLink opened = links.openCompanyLink(publicId, secret).orElseThrow();
          assertThat(opened.companyId().toString()).isEqualTo(companyId);
          assertThat(opened.companyName()).isEqualTo("Magic Co");
          assertThat(opened.environment()).isEqualTo(Environment.SANDBOX);
          assertThat(opened.prefill().isEmpty()).isTrue();
        }
      }
    }
  }

  @Test
  void aCompanyLinkCarriesItsSitesUrlAndStartDate() {
    String start = Fixtures.monthsAgo(6).toString();
    Response response = server.postJson("/v2.2/connection/company/" + companyId + "/link", key,
        "{\"sites\": [\"" + siteA + "\", \"" + siteB + "\"], \"url\": \"https://nectarclimate.com\", "
            + "\"dataCollectionStartDate\": \"" + start + "\"}");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode json = response.json();
    HostedCompanyLink opened = links.openCompanyLink(json.path("publicCompanyId").asText(),
        json.path("companyMagicLinkSecret").asText()).orElseThrow();
    assertThat(opened.prefill().initialSites()).containsExactly(UUID.fromString(siteA), UUID.fromString(siteB));
    assertThat(opened.prefill().url()).isEqualTo("https://nectarclimate.com");
    assertThat(opened.prefill().dataCollectionStartDate()).hasToString(start);
    assertThat(json.path("companyMagicLinkSecret").asText()).as("the secret is not readable")
        .doesNotContain(siteA.substring(0, 8));
  }

  @Test
  void oneAlteredByteAnywhereInASecretIsRefused() {
    JsonNode json = server.postJson("/v2.2/connection/company/" + companyId + "/link", key,
        "{\"sites\": [\"" + siteA + "\"]}").json();
    String publicId = json.path("publicCompanyId").asText();
    String secret = json.path("companyMagicLinkSecret").asText();
    byte[] sealed = Base64.getUrlDecoder().decode(secret);
    assertThat(links.openCompanyLink(publicId, secret)).isPresent();
    for (int i = 0; i < sealed.length; i++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] altered = sealed.clone();
        altered[i] ^= (byte) bit;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
        assertThat(links.openCompanyLink(publicId, tampered)).as("byte %d bit %x", i, bit).isEmpty();
      }
    }
    byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length - 1);
    assertThat(links.openCompanyLink(publicId, Base64.getUrlEncoder().withoutPadding().encodeToString(truncated)))
        .isEmpty();
    assertThat(links.openCompanyLink(publicId, secret + "A")).isEmpty();
    assertThat(links.openCompanyLink(publicId, secret + "=")).isEmpty();
    assertThat(links.openCompanyLink(publicId.replace(publicId.charAt(0), publicId.charAt(0) == 'a' ? 'b' : 'a'),
        secret)).as("under another public id").isEmpty();
    assertThat(links.openConnectionLink(publicId, secret)).as("a company secret is no edit link").isEmpty();
    assertThat(links.openCompanyLink(publicId, "")).isEmpty();
    assertThat(links.openCompanyLink(publicId, "%%%")).isEmpty();
    assertThat(links.openCompanyLink(null, secret)).isEmpty();
  }

  @Test
  void theEditLinkIsTheConnectionWithItsSecretOnGetAndPost() {
    for (String prefix : Fixtures.PREFIXES) {
      for (String method : List.of("GET", "POST")) {
        Response response = server.send(method, prefix + "/connection/" + connectionId, key, null, null, Map.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode connection = response.json();
        assertThat(connection.path("id").asText()).isEqualTo(connectionId);
        String publicId = connection.path("publicCompanyId").asText();
        String secret = connection.path("connectionMagicLinkSecret").asText();
        assertThat(secret).isNotBlank();
        HostedConnectionLink opened = links.openConnectionLink(publicId, secret).orElseThrow();
        assertThat(opened.connectionId().toString()).isEqualTo(connectionId);
        assertThat(opened.companyId().toString()).isEqualTo(companyId);
        assertThat(links.openCompanyLink(publicId, secret)).as("an edit secret is no company link").isEmpty();
      }
    }
    JsonNode details = server.get("/v2.2/connection/" + connectionId + "/details", key).json();
    assertThat(details.path("connectionMagicLinkSecret").isNull()).as("only the edit-link response has it").isTrue();
  }

  @Test
  void everyConnectionObjectShowsThePublicCompanyIdNotThePrivateOne() {
    String publicId = server.get("/v2.2/connection/company/" + companyId + "/link", key).json()
        .path("publicCompanyId").asText();
    JsonNode details = server.get("/v2.2/connection/" + connectionId + "/details", key).json();
    assertThat(details.path("publicCompanyId").asText()).isEqualTo(publicId);
    assertThat(details.at("/company/publicId").asText()).isEqualTo(publicId);
    assertThat(details.at("/company/id").asText()).isEqualTo(companyId);
    JsonNode list = server.get("/v2.2/connection/company/" + companyId, key).json();
    assertThat(list.at("/connections/0/publicCompanyId").asText()).isEqualTo(publicId);
    String otherCompany = fixtures.company(key, "Other Magic Co");
    assertThat(server.get("/v2.2/connection/company/" + otherCompany + "/link", key).json()
        .path("publicCompanyId").asText()).as("unique per company").isNotEqualTo(publicId);
  }

  @Test
  void aLinkOfADeletedCompanyNoLongerOpens() {
    String doomed = fixtures.company(key, "Doomed Magic Co");
    JsonNode json = server.get("/v2.2/connection/company/" + doomed + "/link", key).json();
    assertThat(links.openCompanyLink(json.path("publicCompanyId").asText(),
        json.path("companyMagicLinkSecret").asText())).isPresent();
    assertThat(server.delete("/v2.2/company/" + doomed, key).status()).isEqualTo(204);
    assertThat(links.openCompanyLink(json.path("publicCompanyId").asText(),
        json.path("companyMagicLinkSecret").asText())).isEmpty();
  }
}
