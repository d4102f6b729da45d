package io.nectar.web.dashboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.nectar.keys.ApiKey;
import io.nectar.keys.Branding;
import io.nectar.keys.Environment;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import io.nectar.users.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's defences over plain HTTP: every form refuses a missing or foreign token, one
 * organization's session reaches nothing of another's, members do not reach settings, and passwords,
 * key secrets, session cookies and one-time links never show up in pages (after creation), logs or events.
 */
class DashboardSecurityTest {
  private static final Pattern SECRET = Pattern.compile("<code id=\"new-secret\">([^<]+)</code>");

  static TestServer server;
  static DashboardWorld world;
  static final ListAppender<ILoggingEvent> log = new ListAppender<>();
  static Level accessLevel;

  @BeforeAll
  static void start() {
    log.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(log);
    // The access log is quiet in tests; here it must be heard, to prove what it leaves out.
    Logger access = (Logger) LoggerFactory.getLogger("access");
    accessLevel = access.getLevel();
    access.setLevel(Level.INFO);
    server = TestServer.start();
    world = new DashboardWorld(server);
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    ((Logger) LoggerFactory.getLogger("access")).setLevel(accessLevel);
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyFormRefusesAMissingOrForeignTokenAndChangesNothing() {
    DashboardClient admin = world.person("Csrf Org", "admin@csrf.example", Role.ADMIN);
    DashboardClient other = world.person("Csrf Org", "other@csrf.example", Role.ADMIN);
    world.person("Csrf Org", "member@csrf.example", Role.MEMBER);
    createKey(admin, "ci runner", "SANDBOX");
    Map<String, String> pages = DashboardWorld.crawl(admin, DashboardWorld.starts());
    Set<String> actions = DashboardWorld.formActions(pages);
    // The crawl finds every kind of form: create, revoke, branding, invite, remove, switch, sign out.
    assertThat(actions).contains("/dashboard/settings/keys", "/dashboard/settings/branding",
        "/dashboard/settings/users", "/dashboard/environment", "/dashboard/sign-out");
    assertThat(actions).anyMatch(a -> a.endsWith("/revoke")).anyMatch(a -> a.endsWith("/remove"));

    admin.get("/dashboard");
    String token = admin.csrf();
    other.get("/dashboard");
    List<String> forged = new ArrayList<>();
    forged.add(null);
    forged.add("");
    forged.add(other.csrf());
    forged.add(token.substring(1));
    forged.add(token + "A");
    UUID organization = server.server().keys().findOrganization("Csrf Org").orElseThrow().id();
    List<ApiKey> keysBefore = server.server().keys().list(organization);
    Branding brandingBefore = server.server().keys().branding(organization);
    int peopleBefore = people(organization);
    for (String action : actions) {
      for (String bad : forged) {
        Map<String, String> form = new LinkedHashMap<>();
        if (bad != null) {
          form.put("_csrf", bad);
        }
        form.putAll(Map.of("name", "forged", "environment", "PRODUCTION", "email", "forged@csrf.example",
            "colour", "#000000", "embedding", "NONE", "role", "ADMIN"));
        Response refused = admin.post(action, form);
        assertThat(refused.status()).as(action + " with " + bad + ": " + refused.body()).isEqualTo(403);
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
        assertThat(refused.header("X-Frame-Options")).isEqualTo("DENY");
      }
      Response viaHeaderOfAnother = admin.postWithHeader(action, other.csrf());
      assertThat(viaHeaderOfAnother.status()).as(action).isEqualTo(403);
    }
    assertThat(server.server().keys().list(organization)).isEqualTo(keysBefore);
    assertThat(server.server().keys().branding(organization)).isEqualTo(brandingBefore);
    assertThat(people(organization)).isEqualTo(peopleBefore);
    assertThat(admin.get("/dashboard").body()).contains("Sandbox").contains("admin@csrf.example");
  }

  @Test
  void theSignInFormAndOneTimeLinksRefuseAMissingTokenToo() {
    world.person("Csrf Two", "ann@csrf-two.example", Role.ADMIN);
    DashboardClient browser = new DashboardClient(server.baseUrl());
    browser.get("/dashboard/sign-in");
    Response noToken = browser.post("/dashboard/sign-in",
        Map.of("email", "ann@csrf-two.example", "password", DashboardWorld.PASSWORD));
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(browser.cookie("nectar_session")).isEmpty();

    var link = server.server().users().create(server.server().keys().organization("Csrf Two"),
        "bob@csrf-two.example", Role.MEMBER);
    String path = DashboardClient.pathOf(link.url());
    Response forged = new DashboardClient(server.baseUrl()).post(path, Map.of("password", "a forged password!"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(new DashboardClient(server.baseUrl()).get(path).status()).as("the link still works").isEqualTo(200);
  }

  @Test
  void aSessionOfOneOrganizationReachesNothingOfAnother() {
    DashboardClient a = world.person("Tenant A", "ann@tenant-a.example", Role.ADMIN);
    DashboardClient b = world.person("Tenant B", "bea@tenant-b.example", Role.ADMIN);
    world.person("Tenant B", "bob@tenant-b.example", Role.MEMBER);
    String bSecret = createKey(b, "tenant b production", "PRODUCTION");
    UUID bOrganization = server.server().keys().findOrganization("Tenant B").orElseThrow().id();
    ApiKey bKey = server.server().keys().list(bOrganization).get(0);
    UUID bMember = server.server().users().users(server.server().users().session(
        b.cookie("nectar_session").orElseThrow()).orElseThrow().user()).stream()
        .filter(p -> p.user().email().equals("bob@tenant-b.example")).findFirst().orElseThrow().user().id();
    Branding bBranding = server.server().keys().branding(bOrganization);

    assertThat(a.get("/dashboard/settings/keys/" + bKey.id() + "/revoke").status()).isEqualTo(404);
    a.get("/dashboard/settings/keys");
    assertThat(a.postWithToken("/dashboard/settings/keys/" + bKey.id() + "/revoke", Map.of()).status()).isEqualTo(404);
    assertThat(a.get("/dashboard/settings/users/" + bMember + "/remove").status()).isEqualTo(404);
    a.get("/dashboard/settings/users");
    assertThat(a.postWithToken("/dashboard/settings/users/" + bMember + "/remove", Map.of()).status()).isEqualTo(404);
    a.get("/dashboard/settings/branding");
    assertThat(a.postWithToken("/dashboard/settings/branding", Map.of("name", "Taken over", "colour", "#123456",
        "embedding", "NONE")).status()).isEqualTo(303);

    assertThat(server.server().keys().list(bOrganization).get(0).revoked()).isNull();
    assertThat(server.server().users().users(server.server().users().session(
        b.cookie("nectar_session").orElseThrow()).orElseThrow().user())).hasSize(2);
    assertThat(server.server().keys().branding(bOrganization)).isEqualTo(bBranding);
    Map<String, String> reached = DashboardWorld.crawl(a, DashboardWorld.starts());
    reached.forEach((path, body) -> assertThat(body).as(path)
        .doesNotContain("Tenant B").doesNotContain("tenant-b.example").doesNotContain("tenant b production")
        .doesNotContain(bKey.secretHint()).doesNotContain(bSecret));
  }

  @Test
  void aMemberSeesTheDataButNotTheSettings() {
    world.person("Members Org", "admin@members.example", Role.ADMIN);
    DashboardClient member = world.person("Members Org", "mo@members.example", Role.MEMBER);
    assertThat(member.get("/dashboard").body()).doesNotContain("/dashboard/settings");
    for (String path : List.of("/dashboard/settings", "/dashboard/settings/keys", "/dashboard/settings/branding",
        "/dashboard/settings/users")) {
      Response refused = member.get(path);
      assertThat(refused.status()).as(path).isEqualTo(403);
      assertThat(refused.body()).contains("Only an administrator");
    }
    member.get("/dashboard");
    Response create = member.postWithToken("/dashboard/settings/keys", Map.of("name", "sneaky", "environment",
        "PRODUCTION"));
    assertThat(create.status()).isEqualTo(403);
    UUID organization = server.server().keys().findOrganization("Members Org").orElseThrow().id();
    assertThat(server.server().keys().list(organization)).isEmpty();
  }

  @Test
  void passwordsSecretsCookiesAndLinksNeverShowInPagesLogsOrEvents() throws IOException {
    DashboardClient admin = world.person("Secrets Org", "sam@secrets.example", Role.ADMIN);
    String session = admin.cookie("nectar_session").orElseThrow();
    String linkToken = DashboardClient.pathOf(server.server().users().create(
        server.server().keys().organization("Secrets Org"), "sid@secrets.example", Role.MEMBER).url())
        .substring("/dashboard/welcome/".length());
    new DashboardClient(server.baseUrl()).get("/dashboard/welcome/" + linkToken);
    String secret = createKey(admin, "never shown again", "PRODUCTION");
    admin.get("/dashboard/settings/users");
    Response invited = admin.postWithToken("/dashboard/settings/users", Map.of("email", "sue@secrets.example",
        "role", "MEMBER"));
    String invitation = DashboardClient.pathOf(between(invited.body(), "<code id=\"invitation-link\">", "</code>"));
    new DashboardClient(server.baseUrl()).signIn("sam@secrets.example", "a wrong password, logged?");

    Map<String, String> pages = DashboardWorld.crawl(admin, DashboardWorld.starts());
    assertThat(pages).hasSizeGreaterThan(4);
    List<String> never = List.of(secret, DashboardWorld.PASSWORD, "a wrong password, logged?", session, linkToken,
        invitation.substring(invitation.lastIndexOf('/') + 1));
    pages.forEach((path, body) -> never.forEach(s -> assertThat(body).as(path).doesNotContain(s)));

    List<String> logged = log.list.stream().map(e -> e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
    assertThat(logged).anyMatch(line -> line.contains("/dashboard/settings/keys"));
    logged.forEach(line -> never.forEach(s -> assertThat(line).doesNotContain(s)));
    Path testLog = Path.of("target", "test.log");
    if (Files.exists(testLog)) {
      String file = Files.readString(testLog);
      never.forEach(s -> assertThat(file).doesNotContain(s));
    }
    String events = server.server().database().jdbi().withHandle(h -> h.createQuery(
        "select coalesce(string_agg(payload, ' '), '') from webhook_message").mapTo(String.class).one());
    never.forEach(s -> assertThat(events).doesNotContain(s));
  }

  /** Creates a key through the page and returns the secret the page showed (once). */
  static String createKey(DashboardClient admin, String name, String environment) {
    admin.get("/dashboard/settings/keys");
    Response created = admin.postWithToken("/dashboard/settings/keys", Map.of("name", name, "environment",
        environment));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Matcher m = SECRET.matcher(created.body());
    assertThat(m.find()).as(created.body()).isTrue();
    assertThat(m.group(1)).startsWith(Environment.valueOf(environment) == Environment.SANDBOX ? "nk_test_" : "nk_live_");
    return m.group(1);
  }

  private static int people(UUID organization) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(
        "select count(*) from dashboard_user where organization_id = :org").bind("org", organization)
        .mapTo(Integer.class).one());
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as(text).isNotNegative();
    return text.substring(from + start.length(), text.indexOf(end, from));
  }
}
