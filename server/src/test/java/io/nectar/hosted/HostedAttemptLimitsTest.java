package io.nectar.hosted;

import static io.nectar.web.hosted.HostedWorld.login;
import static io.nectar.web.hosted.HostedWorld.path;
import static io.nectar.web.hosted.HostedWorld.pickSandbox;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.providers.Collection;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.MfaAnswer;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.UtilityProvider;
import io.nectar.providers.Validation;
import io.nectar.providers.sandbox.SandboxProvider;
import io.nectar.testing.Fixtures;
import io.nectar.testing.TestDatabase;
import io.nectar.testing.TestServer;
import io.nectar.web.hosted.HostedBrowser;
import io.nectar.web.hosted.HostedWorld;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The abuse limits of the hosted pages over real HTTP: at most 10 login attempts per link and 30 per
 * client address in any 15 minutes. An attempt past a limit gets a notice on the page (HTTP 200, the
 * form again) and never reaches the utility; the window reopens with the clock.
 */
class HostedAttemptLimitsTest {
  static final String TOO_MANY = "Too many attempts";
  static final AtomicInteger logins = new AtomicInteger();
  static TestServer server;
  static HostedWorld world;

  /** The sandbox, counting the logins it is asked to check. */
  static final class CountingSandbox implements UtilityProvider {
    private final SandboxProvider sandbox = new SandboxProvider();

    @Override
    public String rootUrl() {
      return sandbox.rootUrl();
    }

    @Override
    public String name() {
      return sandbox.name();
    }

    @Override
    public Validation validate(CollectionRequest request) {
      logins.incrementAndGet();
      return sandbox.validate(request);
    }

    @Override
    public MfaAnswer answerMfa(CollectionRequest request, String code) {
      return sandbox.answerMfa(request, code);
    }

    @Override
    public Collection collect(CollectionRequest request) {
      return sandbox.collect(request);
    }
  }

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of(), new ProviderRegistry(new CountingSandbox()), TestDatabase.freshDatabaseUrl());
    world = new HostedWorld(server, "Hosted Limits Org");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static HostedBrowser.Page credentials(HostedBrowser browser, JsonNode invitation) {
    return pickSandbox(browser, browser.open(path(invitation.path("invitationUrl").asText())));
  }

  @Test
  void tenLoginsPerLinkIn15MinutesThenTheNoticeWithoutAskingTheUtilityUntilTheWindowReopens() {
    String[] company = world.companyWithSite("Guessed Co");
    JsonNode invitation = world.inviteFor(company, "");
    HostedBrowser browser = world.browser();
    HostedBrowser.Page form = credentials(browser, invitation);
    for (int i = 0; i < 10; i++) {
      HostedBrowser.Page wrong = login(browser, form, Fixtures.USERNAME, "guess-" + i);
      assertThat(wrong.notice()).as("attempt %d", i + 1).get().asString().contains("did not accept");
    }
    int asked = logins.get();

    HostedBrowser.Page limited = login(browser, form, Fixtures.USERNAME, Fixtures.PASSWORD);
    assertThat(limited.status()).isEqualTo(200);
    assertThat(limited.step()).isEqualTo("CREDENTIALS");
    assertThat(limited.notice()).get().asString().contains(TOO_MANY);
    HostedBrowser elsewhere = world.browser();
    HostedBrowser.Page otherVisit = login(elsewhere, credentials(elsewhere, invitation), Fixtures.USERNAME,
        Fixtures.PASSWORD);
    assertThat(otherVisit.notice()).as("the limit is the link's, whatever the visit or address").get().asString()
        .contains(TOO_MANY);
    assertThat(logins.get()).as("no login past the limit reaches the utility").isEqualTo(asked);
    assertThat(world.connections(company[0])).isEmpty();

    server.clock().advance(Duration.ofMinutes(15).plusSeconds(1));
    try {
      HostedBrowser.Page done = login(browser, form, Fixtures.USERNAME, Fixtures.PASSWORD);
      assertThat(done.outcome()).as(done.toString()).isEqualTo("CONNECTED");
      assertThat(logins.get()).isEqualTo(asked + 1);
    } finally {
      server.clock().advance(Duration.ofMinutes(15).plusSeconds(1).negated());
    }
  }

  @Test
  void thirtyLoginsPerClientAddressAcrossLinksThenTheNotice() {
    HostedBrowser browser = world.browser();
    for (int link = 0; link < 3; link++) {
      HostedBrowser.Page form = credentials(browser, world.inviteFor(world.companyWithSite("Swept " + link), ""));
      for (int i = 0; i < 10; i++) {
        assertThat(login(browser, form, Fixtures.USERNAME, "sweep-" + i).notice()).get().asString()
            .contains("did not accept");
      }
    }
    int asked = logins.get();
    String[] fourth = world.companyWithSite("Swept 3");
    JsonNode invitation = world.inviteFor(fourth, "");
    HostedBrowser.Page limited = login(browser, credentials(browser, invitation), Fixtures.USERNAME,
        Fixtures.PASSWORD);
    assertThat(limited.notice()).as("a fresh link, the same address").get().asString().contains(TOO_MANY);
    assertThat(logins.get()).isEqualTo(asked);

    HostedBrowser other = world.browser();
    HostedBrowser.Page fromElsewhere = login(other, credentials(other, invitation), Fixtures.USERNAME,
        Fixtures.PASSWORD);
    assertThat(fromElsewhere.outcome()).as("another address is not held up: " + fromElsewhere)
        .isEqualTo("CONNECTED");

    server.clock().advance(Duration.ofMinutes(15).plusSeconds(1));
    try {
      HostedBrowser.Page again = login(browser, credentials(browser, world.inviteFor(world.companyWithSite("Swept 4"),
          "")), Fixtures.USERNAME, "after-the-window");
      assertThat(again.notice()).get().asString().contains("did not accept");
    } finally {
      server.clock().advance(Duration.ofMinutes(15).plusSeconds(1).negated());
    }
  }
}
