package io.nectar.web.dashboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import io.nectar.users.Role;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing in and out of the dashboard over plain HTTP: sessions, cookies, expiry and the gate. */
class DashboardSessionTest {
  static TestServer server;
  static DashboardWorld world;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    world = new DashboardWorld(server);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aPageOfTheDashboardSendsSomeoneNotSignedInToTheSignInPageAndBackAfterwards() {
    world.person("Returning", "rita@returning.example", Role.ADMIN);
    DashboardClient browser = new DashboardClient(server.baseUrl());
    Response page = browser.get("/dashboard/settings/users");
    assertThat(page.status()).isEqualTo(303);
    assertThat(page.header("Location")).isEqualTo("/dashboard/sign-in?next=%2Fdashboard%2Fsettings%2Fusers");
    browser.get(page.header("Location"));
    Response signedIn = browser.postWithToken("/dashboard/sign-in", Map.of("email", "rita@returning.example",
        "password", DashboardWorld.PASSWORD, "next", "/dashboard/settings/users"));
    assertThat(signedIn.header("Location")).isEqualTo("/dashboard/settings/users");

    DashboardClient elsewhere = new DashboardClient(server.baseUrl());
    elsewhere.get("/dashboard/sign-in");
    Response offSite = elsewhere.postWithToken("/dashboard/sign-in", Map.of("email", "rita@returning.example",
        "password", DashboardWorld.PASSWORD, "next", "//evil.example/dashboard"));
    assertThat(offSite.header("Location")).as("never to another site").isEqualTo("/dashboard");
  }

  @Test
  void aPersonSignsInSeesTheOverviewAndAfterSigningOutTheOldCookieOpensNothing() {
    world.person("Acme", "ann@acme.example", Role.ADMIN);
    DashboardClient browser = new DashboardClient(server.baseUrl());
    Response signedIn = browser.signIn("Ann@Acme.example ", DashboardWorld.PASSWORD);
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
    assertThat(signedIn.header("Location")).isEqualTo("/dashboard");
    String cookie = DashboardClient.setCookies(signedIn).stream().filter(c -> c.startsWith("nectar_session="))
        .findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/").doesNotContain("Secure");

    Response overview = browser.get("/dashboard");
    assertThat(overview.status()).isEqualTo(200);
    assertThat(overview.body()).contains("ann@acme.example").contains("Acme");
    assertThat(overview.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(overview.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
        .contains("script-src 'self' 'nonce-").doesNotContain("unsafe-inline");
    assertThat(overview.header("Cache-Control")).isEqualTo("no-store");
    assertThat(overview.header("X-Content-Type-Options")).isEqualTo("nosniff");

    String stolen = browser.cookie("nectar_session").orElseThrow();
    Response out = browser.postWithToken("/dashboard/sign-out", Map.of());
    assertThat(out.status()).isEqualTo(303);
    assertThat(browser.cookie("nectar_session")).as("the cookie is cleared").isEmpty();

    DashboardClient thief = new DashboardClient(server.baseUrl());
    thief.setCookie("nectar_session", stolen);
    Response later = thief.get("/dashboard");
    assertThat(later.status()).isEqualTo(303);
    assertThat(later.header("Location")).startsWith("/dashboard/sign-in");
    assertThat(server.server().users().session(stolen)).isEmpty();
  }

  @Test
  void anUnknownAddressAndAWrongPasswordGetTheSameAnswer() {
    world.person("Generic", "gus@generic.example", Role.MEMBER);
    Response wrongPassword = new DashboardClient(server.baseUrl()).signIn("gus@generic.example", "not the password");
    Response unknown = new DashboardClient(server.baseUrl()).signIn("nobody@generic.example", DashboardWorld.PASSWORD);
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(notice(wrongPassword)).isEqualTo(notice(unknown)).isEqualTo("The e-mail address or the password is not right.");
    assertThat(wrongPassword.body()).doesNotContain("not the password");
  }

  @Test
  void aSessionEndsAfterTwoIdleHoursAndAfterTwelveHoursWhateverTheActivity() {
    world.person("Clockwork", "cleo@clockwork.example", Role.MEMBER);
    DashboardClient idle = world.signedIn("cleo@clockwork.example");
    DashboardClient busy = world.signedIn("cleo@clockwork.example");
    server.clock().advance(Duration.ofMinutes(119));
    assertThat(idle.get("/dashboard").status()).isEqualTo(200);
    assertThat(busy.get("/dashboard").status()).isEqualTo(200);
    server.clock().advance(Duration.ofMinutes(119));
    assertThat(busy.get("/dashboard").status()).isEqualTo(200);
    server.clock().advance(Duration.ofMinutes(2));
    assertThat(idle.get("/dashboard").status()).as("idle for 2 h 1 min").isEqualTo(303);
    for (int hour = 0; hour < 7; hour++) { // to 11 h 07 min
      server.clock().advance(Duration.ofMinutes(61));
      assertThat(busy.get("/dashboard").status()).as("busy at hour " + hour).isEqualTo(200);
    }
    server.clock().advance(Duration.ofMinutes(61));
    assertThat(busy.get("/dashboard").status()).as("12 h 08 min after signing in").isEqualTo(303);
  }

  @Test
  void theEnvironmentSwitchIsKeptInTheSessionAndAcceptsTheTokenAsAHeader() {
    world.person("Switching", "sven@switching.example", Role.MEMBER);
    DashboardClient browser = world.signedIn("sven@switching.example");
    assertThat(browser.get("/dashboard").body()).contains("id=\"current-environment\">Sandbox<");
    Response switched = browser.postWithToken("/dashboard/environment", Map.of("environment", "PRODUCTION",
        "back", "/dashboard?x=1"));
    assertThat(switched.status()).isEqualTo(303);
    assertThat(switched.header("Location")).isEqualTo("/dashboard?x=1");
    assertThat(browser.get("/dashboard").body()).contains("id=\"current-environment\">Production<");
    DashboardClient sameSession = new DashboardClient(server.baseUrl());
    sameSession.setCookie("nectar_session", browser.cookie("nectar_session").orElseThrow());
    assertThat(sameSession.get("/dashboard").body()).as("kept on the server").contains(">Production<");
    Response back = sameSession.post("/dashboard/environment?environment=SANDBOX", Map.of());
    assertThat(back.status()).isEqualTo(403);
  }

  @Test
  void onAnHttpsServerTheCookieIsSecureWithTheHostPrefix() {
    try (TestServer https = TestServer.start(Map.of("NECTAR_PUBLIC_URL", "https://nectar.example.com"))) {
      DashboardWorld secure = new DashboardWorld(https);
      var link = https.server().users().create(https.server().keys().organization("Secure"), "sue@secure.example",
          Role.ADMIN);
      assertThat(link.url()).startsWith("https://nectar.example.com/dashboard/welcome/");
      DashboardClient browser = new DashboardClient(https.baseUrl());
      String path = DashboardClient.pathOf(link.url());
      browser.get(path);
      Response set = browser.postWithToken(path, Map.of("password", DashboardWorld.PASSWORD));
      String cookie = DashboardClient.setCookies(set).stream().filter(c -> c.startsWith("__Host-nectar_session="))
          .findFirst().orElseThrow();
      assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/")
          .doesNotContain("Domain");
      assertThat(browser.get("/dashboard").status()).isEqualTo(200);
      assertThat(secure.server()).isSameAs(https);
    }
  }

  private static String notice(Response page) {
    int start = page.body().indexOf("id=\"notice\">");
    return page.body().substring(start + "id=\"notice\">".length(), page.body().indexOf("</p>", start));
  }
}
