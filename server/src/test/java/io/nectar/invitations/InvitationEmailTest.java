package io.nectar.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.config.ServerSecret;
import io.nectar.keys.Environment;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.SmtpServer;
import io.nectar.testing.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code sendEmail: true} end to end, through a real SMTP server (GreenMail) started in the test:
 * each allowed address gets its own pre-verified link, and every outcome is in the response and the
 * event log.
 */
class InvitationEmailTest {
  private static final Pattern LINK = Pattern.compile("(https?://\\S+/p/i/[A-Za-z0-9_-]{43}\\?\\S+)");

  @Test
  void eachAllowedAddressGetsItsOwnPreVerifiedLink() throws Exception {
    try (SmtpServer smtp = SmtpServer.start();
        TestServer server = TestServer.start(Map.of("NECTAR_SMTP_URL", smtp.url(),
            "NECTAR_PUBLIC_URL", "https://connect.example.com"))) {
      Fixtures fixtures = new Fixtures(server);
      String key = server.tenant("Acme Energy Partners", Environment.SANDBOX).key();
      String companyId = fixtures.company(key, "Widget Works");

      Response created = server.postJson("/v2.2/invitation/company/" + companyId, key,
          "{\"allowedEmails\": [\"Ann@Example.com\", \"bob@example.org\"], \"sendEmail\": true, "
              + "\"expiresInSeconds\": 86400}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      JsonNode json = created.json();
      String token = json.path("token").asText();
      UUID id = UUID.fromString(json.path("id").asText());
      List<String> statuses = new ArrayList<>();
      json.path("emailDelivery").forEach(d -> statuses.add(d.path("email").asText() + " " + d.path("status").asText()));
      assertThat(statuses).containsExactly("ann@example.com SENT", "bob@example.org SENT");

      List<SmtpServer.Received> mails = smtp.awaitReceived(2);
      assertThat(mails).extracting(SmtpServer.Received::to).containsExactlyInAnyOrder("ann@example.com",
          "bob@example.org");
      EmailProof proofs = new EmailProof(ServerSecret.load(server.server().config()));
      for (SmtpServer.Received mail : mails) {
        assertThat(mail.subject()).contains("Acme Energy Partners").contains("Widget Works");
        Matcher m = LINK.matcher(mail.text());
        assertThat(m.find()).as(mail.text()).isTrue();
        URI link = URI.create(m.group(1));
        assertThat(link.getScheme() + "://" + link.getHost() + link.getPath())
            .isEqualTo("https://connect.example.com/p/i/" + token);
        Map<String, String> query = query(link.getRawQuery());
        assertThat(query.get("email")).isEqualTo(mail.to());
        assertThat(proofs.verify(id, query.get("email"), query.get("proof"))).isTrue();
        assertThat(mail.text()).contains("until");
        assertThat(mail.html()).contains("href=\"" + m.group(1).replace("&", "&amp;") + "\"");
        assertThat(mail.html()).doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<script");
      }
      assertThat(mails.get(0).text()).doesNotContain(query(URI.create(extract(mails.get(1).text())).getRawQuery())
          .get("proof"));

      JsonNode detail = server.get("/v2.2/invitation/" + id, key).json();
      List<String> events = new ArrayList<>();
      detail.path("events").forEach(e -> events.add(e.path("eventType").asText() + " " + e.path("email").asText("")));
      assertThat(events).containsExactly("CREATED ", "EMAIL_SENT ann@example.com", "EMAIL_SENT bob@example.org");
    }
  }

  @Test
  void anSmtpServerThatIsGoneIsAFailedDeliveryNotASilentOne() {
    SmtpServer smtp = SmtpServer.start();
    String url = smtp.url();
    smtp.close();
    try (TestServer server = TestServer.start(Map.of("NECTAR_SMTP_URL", url))) {
      Fixtures fixtures = new Fixtures(server);
      String key = server.tenant("Gone Mail Org", Environment.SANDBOX).key();
      String companyId = fixtures.company(key, "Quiet Co");
      Response created = server.postJson("/v2.2/invitation/company/" + companyId, key,
          "{\"allowedEmails\": [\"ann@example.com\"], \"sendEmail\": true}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      JsonNode delivery = created.json().at("/emailDelivery/0");
      assertThat(delivery.path("status").asText()).isEqualTo("FAILED");
      assertThat(delivery.path("detail").asText()).isNotBlank();
      JsonNode detail = server.get("/v2.2/invitation/" + created.json().path("id").asText(), key).json();
      assertThat(detail.at("/events/1/eventType").asText()).isEqualTo("EMAIL_FAILED");
      assertThat(detail.at("/events/1/metadata/status").asText()).isEqualTo("FAILED");
    }
  }

  private static String extract(String text) {
    Matcher m = LINK.matcher(text);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return values;
  }
}
