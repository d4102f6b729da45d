package io.nectar.web.dashboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.keys.Branding;
import io.nectar.keys.Environment;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import io.nectar.users.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Settings > White label and embedding, and Settings > Users, over plain HTTP. */
class SettingsPagesTest {
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
  void brandingSavedOnThePageIsWhatTheApiReadsAndTheApisRulesRefuseTheSame() {
    DashboardClient admin = world.person("Brand Co", "bo@brand.example", Role.ADMIN);
    String key = server.tenant("Brand Co", Environment.SANDBOX).key();
    admin.get("/dashboard/settings/branding");
    Response saved = admin.postWithToken("/dashboard/settings/branding", Map.of("name", "Brand Energy",
        "colour", "#0A7D43", "logoUrl", "https://cdn.example.com/logo.png", "embedding", "LISTED",
        "sites", "https://app.example.com\r\n'self'\r\n"));
    assertThat(saved.status()).as(saved.body()).isEqualTo(303);
    var api = server.get("/v2.2/organization/branding", key).json();
    assertThat(api.path("name").asText()).isEqualTo("Brand Energy");
    assertThat(api.path("colour").asText()).isEqualTo("#0a7d43");
    assertThat(api.path("logoUrl").asText()).isEqualTo("https://cdn.example.com/logo.png");
    assertThat(api.path("frameAncestors").toString()).isEqualTo("[\"https://app.example.com\",\"'self'\"]");
    Response shown = admin.get(saved.header("Location"));
    assertThat(shown.body()).contains("value=\"Brand Energy\"").contains("https://app.example.com\n'self'")
        .contains("id=\"done\"");

    Response refused = admin.postWithToken("/dashboard/settings/branding", Map.of("name", "Other",
        "colour", "red", "embedding", "LISTED", "sites", "https://a.example; script-src *"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"colour-error\"").contains("id=\"frameAncestors-error\"")
        .contains("not an allowed source").contains("value=\"red\"");
    assertThat(server.get("/v2.2/organization/branding", key).json().path("name").asText()).isEqualTo("Brand Energy");

    Response defaults = admin.postWithToken("/dashboard/settings/branding", Map.of("name", "", "colour", "",
        "logoUrl", "", "embedding", "ANY"));
    assertThat(defaults.status()).isEqualTo(303);
    UUID organization = server.server().keys().findOrganization("Brand Co").orElseThrow().id();
    assertThat(server.server().keys().branding(organization)).isEqualTo(new Branding("Brand Co",
        Branding.DEFAULT_COLOUR, null, Branding.DEFAULT_FRAME_ANCESTORS));
    admin.postWithToken("/dashboard/settings/branding", Map.of("name", "", "colour", "", "embedding", "NONE"));
    assertThat(server.server().keys().branding(organization).frameAncestors()).isEmpty();
  }

  @Test
  void withoutSmtpAnInvitationIsALinkToCopyWhichTheColleagueUsesAndRemovalSignsThemOut() {
    DashboardClient admin = world.person("Team Co", "tia@team.example", Role.ADMIN);
    admin.get("/dashboard/settings/users");
    Response invited = admin.postWithToken("/dashboard/settings/users", Map.of("email", "Tom@Team.example",
        "role", "MEMBER"));
    assertThat(invited.status()).isEqualTo(201);
    assertThat(invited.body()).contains("sends no e-mail").contains("tom@team.example is invited");
    String url = invited.body().replaceAll("(?s).*<code id=\"invitation-link\">([^<]+)</code>.*", "$1");
    assertThat(url).contains("/dashboard/welcome/");
    Response again = admin.postWithToken("/dashboard/settings/users", Map.of("email", "tom@team.example",
        "role", "ADMIN"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("already has an account");

    DashboardClient tom = new DashboardClient(server.baseUrl());
    String path = DashboardClient.pathOf(url);
    tom.get(path);
    assertThat(tom.postWithToken(path, Map.of("password", DashboardWorld.PASSWORD)).status()).isEqualTo(303);
    assertThat(tom.get("/dashboard").status()).isEqualTo(200);
    assertThat(tom.get("/dashboard/settings/users").status()).as("a member").isEqualTo(403);

    Response list = admin.get("/dashboard/settings/users");
    assertThat(list.body()).contains("tom@team.example").contains("Member").contains("Active");
    String tomId = list.body().replaceAll("(?s).*<tr data-user=\"([0-9a-f-]{36})\">\\s*<td>tom@team\\.example.*", "$1");
    Response confirm = admin.get("/dashboard/settings/users/" + tomId + "/remove");
    assertThat(confirm.body()).contains("Remove <strong>tom@team.example</strong>");
    Response removed = admin.postWithToken("/dashboard/settings/users/" + tomId + "/remove", Map.of());
    assertThat(removed.status()).isEqualTo(303);
    assertThat(tom.get("/dashboard").status()).as("signed out at once").isEqualTo(303);
    assertThat(admin.get("/dashboard/settings/users").body()).doesNotContain("tom@team.example");
    assertThat(List.of(admin.get("/dashboard/settings/users").body())).noneMatch(b -> b.contains("/remove\" aria-label=\"Remove tia"));
  }
}
