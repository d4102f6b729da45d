package io.nectar.web.hosted;

import static io.nectar.web.hosted.HostedWorld.login;
import static io.nectar.web.hosted.HostedWorld.path;
import static io.nectar.web.hosted.HostedWorld.pickSandbox;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.testing.Fixtures;
import io.nectar.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The invitation paths of the hosted flow over real HTTP, as a browser without script walks them:
 * a refused login saves nothing, a good one connects and uses the invitation, and a used-up,
 * revoked or expired invitation stops working with a clear page or notice.
 */
class HostedInvitationFlowTest {
  static TestServer server;
  static HostedWorld world;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    world = new HostedWorld(server, "Hosted Flow Org");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aWrongPasswordSavesNothingThenTheRightOneConnectsAndUsesTheInvitationUp() {
    String[] company = world.companyWithSite("Wrong Then Right");
    JsonNode invitation = world.inviteFor(company, ", \"maxUses\": 1");
    String id = invitation.path("id").asText();
    HostedBrowser browser = world.browser();

    HostedBrowser.Page opened = browser.get(path(invitation.path("invitationUrl").asText()));
    assertThat(opened.status()).isEqualTo(303);
    assertThat(opened.header("location")).matches("/p/s/[A-Za-z0-9_-]{43}");
    HostedBrowser.Page utility = browser.get(opened.header("location"));
    assertThat(utility.status()).isEqualTo(200);
    HostedBrowser.Page credentials = pickSandbox(browser, utility);

    HostedBrowser.Page refused = login(browser, credentials, Fixtures.USERNAME, "not-the-password-8c1f");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
    assertThat(refused.step()).isEqualTo("CREDENTIALS");
    assertThat(refused.notice()).get().asString().contains("did not accept that username and password");
    assertThat(refused.body()).doesNotContain("not-the-password-8c1f");
    assertThat(refused.inputValue("password")).as("the password field is never filled back").contains("");
    assertThat(world.connections(company[0])).as("a refused login saves no connection").isEmpty();
    assertThat(world.messages("connection.created.v2")).isEmpty();
    assertThat(world.invitation(id).path("useCount").asInt()).isZero();

    HostedBrowser.Page done = login(browser, refused, Fixtures.USERNAME, Fixtures.PASSWORD);
    assertThat(done.step()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.outcome()).isEqualTo("CONNECTED");
    assertThat(done.heading()).isEqualTo("Connected");
    String connectionId = done.connectionId();
    assertThat(world.connections(company[0])).extracting(c -> c.path("id").asText()).containsExactly(connectionId);
    assertThat(world.connection(connectionId).path("status").asText()).isEqualTo("CONNECTED");
    assertThat(world.messagesAbout("connection.created.v2", connectionId)).hasSize(1);

    JsonNode used = world.invitation(id);
    assertThat(used.path("useCount").asInt()).isEqualTo(1);
    assertThat(used.path("status").asText()).isEqualTo("FULFILLED");
    assertThat(used.at("/createdConnections/0/id").asText()).isEqualTo(connectionId);
    assertThat(used.path("createdConnections")).hasSize(1);
    assertThat(world.invitationEvents(id)).containsExactly("CREATED", "VIEWED", "USED");

    HostedBrowser.Page again = browser.get(path(invitation.path("invitationUrl").asText()));
    assertThat(again.status()).as(again.toString()).isEqualTo(410);
    assertThat(again.step()).isEqualTo("CLOSED");
    assertThat(again.body()).contains("already been used as many times as it allows");

    HostedBrowser.Page another = browser.get(done.visit() + "?another=1");
    HostedBrowser.Page second = login(browser, pickSandbox(browser, another), Fixtures.USERNAME, Fixtures.PASSWORD);
    assertThat(second.notice()).as("the open visit cannot exceed maxUses: " + second).isPresent();
    assertThat(world.connections(company[0])).hasSize(1);
  }

  @Test
  void anInvitationRevokedMidVisitCreatesNothingAndSaysWhy() {
    String[] company = world.companyWithSite("Revoked Midway");
    JsonNode invitation = world.inviteFor(company, "");
    HostedBrowser browser = world.browser();
    HostedBrowser.Page credentials = pickSandbox(browser, browser.open(path(invitation.path("invitationUrl").asText())));

    assertThat(server.postJson("/v2.2/invitation/" + invitation.path("id").asText() + "/revoke", world.key, "{}")
        .status()).isEqualTo(200);
    HostedBrowser.Page refused = login(browser, credentials, Fixtures.USERNAME, Fixtures.PASSWORD);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
    assertThat(refused.notice()).as(refused.toString()).get().asString().containsIgnoringCase("revoked");
    assertThat(world.connections(company[0])).isEmpty();
    assertThat(world.messages("connection.created.v2")).noneMatch(m -> m.contains(company[0]));
    HostedBrowser.Page reopened = browser.get(path(invitation.path("invitationUrl").asText()));
    assertThat(reopened.status()).isEqualTo(410);
    assertThat(reopened.body()).contains("withdrawn by its sender");
  }

  @Test
  void anInvitationExpiresWithTheClock() {
    String[] company = world.companyWithSite("Expiring");
    JsonNode invitation = world.inviteFor(company, ", \"expiresInSeconds\": 600");
    HostedBrowser browser = world.browser();
    HostedBrowser.Page credentials = pickSandbox(browser, browser.open(path(invitation.path("invitationUrl").asText())));

    server.clock().advance(Duration.ofSeconds(601));
    try {
      HostedBrowser.Page reopened = browser.get(path(invitation.path("invitationUrl").asText()));
      assertThat(reopened.status()).as(reopened.toString()).isEqualTo(410);
      assertThat(reopened.body()).contains("has expired");
      HostedBrowser.Page refused = login(browser, credentials, Fixtures.USERNAME, Fixtures.PASSWORD);
      assertThat(refused.notice()).as(refused.toString()).get().asString().containsIgnoringCase("expired");
      assertThat(world.connections(company[0])).isEmpty();
    } finally {
      server.clock().advance(Duration.ofSeconds(-601));
    }
  }

  @Test
  void anUnknownOrAlteredInvitationTokenGivesTheNotFoundPage() {
    JsonNode invitation = world.inviteFor(world.companyWithSite("Altered"), "");
    String url = path(invitation.path("invitationUrl").asText());
    char last = url.charAt(url.length() - 1);
    String altered = url.substring(0, url.length() - 1) + (last == 'A' ? 'B' : 'A');
    HostedBrowser browser = world.browser();
    for (String path : new String[] {altered, "/p/i/x", "/p/i/" + "A".repeat(43)}) {
      HostedBrowser.Page page = browser.get(path);
      assertThat(page.status()).as(path).isEqualTo(404);
      assertThat(page.step()).isEqualTo("CLOSED");
      assertThat(page.body()).contains("This link is not valid");
    }
    assertThat(world.invitationEvents(invitation.path("id").asText())).containsExactly("CREATED");
  }

  @Test
  void aVisitEndsAfterItsLifetimeAndHousekeepingForgetsIt() {
    String[] company = world.companyWithSite("Lifetime");
    JsonNode invitation = world.inviteFor(company, "");
    HostedBrowser browser = world.browser();
    String visit = browser.get(path(invitation.path("invitationUrl").asText())).header("location");
    assertThat(browser.get(visit).status()).isEqualTo(200);
    assertThat(visits(company[0])).isEqualTo(1);

    server.clock().advance(java.time.Duration.ofHours(4).plusMinutes(1));
    HostedBrowser.Page ended = browser.get(visit);
    server.server().hosted().purgeExpired();

    assertThat(ended.status()).as(ended.toString()).isEqualTo(404);
    assertThat(ended.step()).isEqualTo("CLOSED");
    assertThat(visits(company[0])).as("visits left after housekeeping").isZero();
  }

  private static long visits(String companyId) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select count(*) from hosted_session where company_id = cast(:company as uuid)")
        .bind("company", companyId).mapTo(Long.class).one());
  }
}
