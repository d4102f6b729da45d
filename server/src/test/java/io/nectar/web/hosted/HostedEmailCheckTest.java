package io.nectar.web.hosted;

import static io.nectar.web.hosted.HostedWorld.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.testing.SmtpServer;
import io.nectar.testing.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The e-mail check of an invitation limited to addresses, with a real SMTP server (GreenMail): another
 * address is refused and recorded, the code arrives by mail, wrong codes and too many tries are
 * refused, the right one verifies; the pre-verified link of an invitation e-mail skips the check,
 * but only for its own address and unaltered proof.
 */
class HostedEmailCheckTest {
  private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");
  private static final Pattern LINK = Pattern.compile("https?://\\S+/p/i/\\S+");

  static SmtpServer smtp;
  static TestServer server;
  static HostedWorld world;

  @BeforeAll
  static void start() {
    smtp = SmtpServer.start();
    server = TestServer.start(Map.of("NECTAR_SMTP_URL", smtp.url()));
    world = new HostedWorld(server, "Hosted Mail Org");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (smtp != null) {
      smtp.close();
    }
  }

  @Test
  void anotherAddressIsRefusedWrongCodesAndTooManyTriesAreRefusedAndTheRightCodeVerifies() {
    String[] company = world.companyWithSite("Mail Check Co");
    JsonNode invitation = world.inviteFor(company, ", \"allowedEmails\": [\"ann@example.com\"]");
    String id = invitation.path("id").asText();
    HostedBrowser browser = world.browser();

    HostedBrowser.Page email = browser.open(path(invitation.path("invitationUrl").asText()));
    assertThat(email.step()).isEqualTo("EMAIL");
    HostedBrowser.Page refused = browser.submit(email, "email", "email", "bob@example.com");
    assertThat(refused.step()).isEqualTo("EMAIL");
    assertThat(refused.notice()).get().asString().contains("for a different e-mail address");
    JsonNode events = world.invitation(id).path("events");
    assertThat(events.get(events.size() - 1).path("eventType").asText()).isEqualTo("EMAIL_REFUSED");
    assertThat(events.get(events.size() - 1).path("email").asText()).isEqualTo("bob@example.com");
    assertThat(browser.get(email.visit() + "?utility=https%3A%2F%2Fnectarclimate.com").step())
        .as("nothing past the check before it passes").isEqualTo("EMAIL");

    int before = smtp.received().size();
    HostedBrowser.Page codePage = browser.submit(refused, "email", "email", " Ann@Example.com ");
    assertThat(codePage.step()).as(codePage.toString()).isEqualTo("EMAIL_CODE");
    assertThat(codePage.body()).contains("ann@example.com");
    SmtpServer.Received mail = smtp.awaitReceived(before + 1).get(before);
    assertThat(mail.to()).isEqualTo("ann@example.com");
    String code = code(mail);
    assertThat(codePage.body()).as("the code is only in the mail").doesNotContain(code);

    String wrong = code.equals("000000") ? "111111" : "000000";
    HostedBrowser.Page page = codePage;
    for (int i = 0; i < 5; i++) {
      page = browser.submit(page, "email/code", "code", wrong);
      assertThat(page.step()).isEqualTo("EMAIL_CODE");
      assertThat(page.notice()).get().asString().contains("not the code");
    }
    HostedBrowser.Page exhausted = browser.submit(page, "email/code", "code", code);
    assertThat(exhausted.step()).as("five tries, then even the right code is refused").isEqualTo("EMAIL_CODE");
    assertThat(exhausted.notice()).get().asString().contains("tried too many times");

    HostedBrowser.Page again = browser.submit(exhausted, "email/restart");
    assertThat(again.step()).isEqualTo("EMAIL");
    HostedBrowser.Page second = browser.submit(again, "email", "email", "ann@example.com");
    String newCode = code(smtp.awaitReceived(before + 2).get(before + 1));
    HostedBrowser.Page verified = browser.submit(second, "email/code", "code", newCode.substring(0, 3) + " "
        + newCode.substring(3));
    assertThat(verified.step()).as(verified.toString()).isEqualTo("UTILITY");
    assertThat(world.invitationEvents(id)).containsExactly("CREATED", "VIEWED", "EMAIL_REFUSED",
        "EMAIL_VERIFICATION_SENT", "EMAIL_VERIFICATION_SENT", "EMAIL_VERIFIED");
  }

  @Test
  void thePreVerifiedLinkOfTheInvitationMailSkipsTheCheckForItsOwnAddressOnly() {
    String[] company = world.companyWithSite("Mail Link Co");
    int before = smtp.received().size();
    JsonNode invitation = world.inviteFor(company,
        ", \"allowedEmails\": [\"cy@example.com\", \"di@example.com\"], \"sendEmail\": true");
    List<SmtpServer.Received> mails = smtp.awaitReceived(before + 2).subList(before, before + 2);
    SmtpServer.Received toCy = mails.stream().filter(m -> m.to().equals("cy@example.com")).findFirst().orElseThrow();
    URI link = URI.create(link(toCy));
    String proof = param(link, "proof");
    assertThat(param(link, "email")).isEqualTo("cy@example.com");
    String token = link.getRawPath();
    HostedBrowser browser = world.browser();

    HostedBrowser.Page skipped = browser.open(token + "?" + link.getRawQuery());
    assertThat(skipped.step()).as(skipped.toString()).isEqualTo("UTILITY");
    JsonNode events = world.invitation(invitation.path("id").asText()).path("events");
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.path("eventType").asText()).isEqualTo("EMAIL_VERIFIED");
    assertThat(last.path("email").asText()).isEqualTo("cy@example.com");
    assertThat(last.at("/metadata/method").asText()).isEqualTo("link");

    char c = proof.charAt(proof.length() / 2);
    String altered = proof.substring(0, proof.length() / 2) + (c == 'A' ? 'B' : 'A') + proof.substring(proof.length() / 2 + 1);
    for (String query : List.of("email=di%40example.com&proof=" + proof, "email=cy%40example.com&proof=" + altered,
        "email=cy%40example.com", "proof=" + proof)) {
      HostedBrowser.Page page = browser.open(token + "?" + query);
      assertThat(page.step()).as(query).isEqualTo("EMAIL");
    }
  }

  static String code(SmtpServer.Received mail) {
    Matcher m = CODE.matcher(mail.text());
    assertThat(m.find()).as(mail.text()).isTrue();
    return m.group(1);
  }

  static String link(SmtpServer.Received mail) {
    String text = mail.text() != null ? mail.text() : mail.html();
    Matcher m = LINK.matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group().replace("&amp;", "&").replaceAll("[\">)]+$", "");
  }

  static String param(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + uri);
  }
}
