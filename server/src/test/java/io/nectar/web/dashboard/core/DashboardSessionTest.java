package io.nectar.web.dashboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.keys.KeyService;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import io.nectar.users.OneTimeLink;
import io.nectar.users.Role;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing in and out of the dashboard over plain HTTP: sessions, cookies and the gate. */
class DashboardSessionTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A person of {@code organization} with {@code password}, made through their one-time link. */
  static String person(TestServer server, String organization, String email, Role role, String password) {
    KeyService keys = server.server().keys();
    OneTimeLink link = server.server().users().create(keys.organization(organization), email, role);
    DashboardClient client = new DashboardClient(server.baseUrl());
    String path = DashboardClient.pathOf(link.url());
    assertThat(client.get(path).status()).isEqualTo(200);
    Response set = client.postWithToken(path, Map.of("password", password));
    assertThat(set.status()).as(set.body()).isEqualTo(303);
    return email;
  }

  @Test
  void aPageOfTheDashboardSendsSomeoneNotSignedInToTheSignInPage() {
    Response page = new DashboardClient(server.baseUrl()).get("/dashboard");
    assertThat(page.status()).isEqualTo(303);
    assertThat(page.header("Location")).isEqualTo("/dashboard/sign-in");
  }

  @Test
  void aPersonSignsInSeesTheOverviewAndAfterSigningOutTheOldCookieOpensNothing() {
    person(server, "Acme", "ann@acme.example", Role.ADMIN, "correct horse battery");
    DashboardClient browser = new DashboardClient(server.baseUrl());
    Response signedIn = browser.signIn("Ann@Acme.example ", "correct horse battery");
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
    assertThat(signedIn.header("Location")).isEqualTo("/dashboard");
    String cookie = DashboardClient.setCookies(signedIn).stream().filter(c -> c.startsWith("nectar_session="))
        .findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/").doesNotContain("Secure");

    Response overview = browser.get("/dashboard");
    assertThat(overview.status()).isEqualTo(200);
    assertThat(overview.body()).contains("ann@acme.example").contains("Acme");
    assertThat(overview.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(overview.header("Content-Security-Policy")).contains("frame-ancestors 'none'");

    String stolen = browser.cookie("nectar_session").orElseThrow();
    Response out = browser.postWithToken("/dashboard/sign-out", Map.of());
    assertThat(out.status()).isEqualTo(303);

    DashboardClient thief = new DashboardClient(server.baseUrl());
    thief.setCookie("nectar_session", stolen);
    Response later = thief.get("/dashboard");
    assertThat(later.status()).isEqualTo(303);
    assertThat(later.header("Location")).startsWith("/dashboard/sign-in");
  }
}
