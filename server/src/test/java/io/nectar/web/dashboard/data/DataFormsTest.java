package io.nectar.web.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.keys.Environment;
import io.nectar.testing.Response;
import io.nectar.web.dashboard.core.DashboardClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The data pages' forms over plain HTTP: invitations, tracking switches, the webhook portal, uploads without script. */
class DataFormsTest {
  static DataWorld world;
  static DashboardClient ann;

  @BeforeAll
  static void start() {
    world = DataWorld.start();
    ann = world.signIn("Org A", "ann@a.example", Environment.SANDBOX);
  }

  @AfterAll
  static void stop() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void anInvitationMadeOnThePageShowsItsLinkOnceAndIsRevokedThere() {
    String company = world.companyA.companyId();
    String page = "/dashboard/companies/" + company + "/invitations";
    ann.get(page);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("emails", "Owner@Customer.example, second@customer.example");
    form.put("days", "7");
    form.put("maxUses", "2");
    Response made = ann.postWithToken(page, form);
    assertThat(made.status()).as(made.body()).isEqualTo(200);
    Matcher url = Pattern.compile("id=\"invitation-url\">([^<]+)<").matcher(made.body());
    assertThat(url.find()).isTrue();
    assertThat(url.group(1)).contains("/p/i/");

    Response api = world.server.get("/v2.2/invitation/company/" + company, world.keyA.key());
    var invitation = api.json().get("invitations").get(0);
    assertThat(invitation.get("allowedEmails").toString()).contains("owner@customer.example", "second@customer.example");
    assertThat(invitation.get("maxUses").asInt()).isEqualTo(2);
    assertThat(invitation.get("status").asText()).isEqualTo("ACTIVE");
    String id = invitation.get("id").asText();

    // Shown once: the list afterwards has the invitation, never its link.
    Response list = ann.get(page);
    assertThat(list.body()).contains("data-invitation=\"" + id + "\"").doesNotContain(url.group(1));

    Response revoked = ann.postWithToken("/dashboard/invitations/" + id + "/revoke", Map.of("back", page));
    assertThat(revoked.status()).isEqualTo(303);
    assertThat(revoked.header("Location")).isEqualTo(page);
    var detail = world.server.get("/v2.2/invitation/" + id, world.keyA.key()).json();
    assertThat(detail.get("status").asText()).isEqualTo("REVOKED");
    // The log names the person who did it, not a key.
    UUID person = world.one("select id from dashboard_user where email = 'ann@a.example'");
    assertThat(detail.toString()).contains(person.toString());
  }

  @Test
  void aReconnectInvitationMadeOnTheConnectionsPageShowsItsLinkOnceAndIsForThatConnection() {
    String company = world.companyA.companyId();
    String connection = world.companyA.connectionId();
    String page = "/dashboard/connections/" + connection;
    String action = page + "/reconnect-invitation";
    assertThat(ann.get(page).body()).contains("action=\"" + action + "\"");

    // Without the page's form token: refused, and no invitation is made.
    List<UUID> before = invitationsOf(company);
    Response forged = ann.post(action, Map.of("emails", ""));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(invitationsOf(company)).isEqualTo(before);

    ann.get(page);
    Response made = ann.postWithToken(action, Map.of("emails", "Owner@Customer.example"));
    assertThat(made.status()).as(made.body()).isEqualTo(200);
    Matcher url = Pattern.compile("id=\"reconnect-url\">([^<]+)<").matcher(made.body());
    assertThat(url.find()).isTrue();
    assertThat(url.group(1)).contains("/p/i/");

    // What the API made of it: a reconnect invitation of this connection, for the address given, by this person.
    var invitation = world.server.get("/v2.2/invitation/company/" + company, world.keyA.key()).json()
        .get("invitations").get(0);
    assertThat(invitation.get("invitationType").asText()).isEqualTo("EDIT_CONNECTION");
    assertThat(invitation.get("connectionId").asText()).isEqualTo(connection);
    assertThat(invitation.get("allowedEmails").toString()).contains("owner@customer.example");
    assertThat(invitation.get("status").asText()).isEqualTo("ACTIVE");
    var detail = world.server.get("/v2.2/invitation/" + invitation.get("id").asText(), world.keyA.key()).json();
    UUID person = world.one("select id from dashboard_user where email = 'ann@a.example'");
    assertThat(detail.toString()).contains(person.toString());
    // The link opens the hosted flow of that invitation (a visit of its own, as the API's link does).
    Response opened = world.server.get(url.group(1).replaceFirst("^https?://[^/]+", ""), null);
    assertThat(opened.status()).as(opened.body()).isEqualTo(303);
    assertThat(opened.header("Location")).startsWith("/p/s/");

    // Shown once: the page afterwards, and the invitations list, never show the link again.
    assertThat(ann.get(page).body()).doesNotContain(url.group(1));
    assertThat(ann.get("/dashboard/companies/" + company + "/invitations").body())
        .contains("data-invitation=\"" + invitation.get("id").asText() + "\"").contains("Reconnect")
        .doesNotContain(url.group(1));
  }

  private static List<UUID> invitationsOf(String company) {
    return world.ids("select id from invitation where company_id = ?", world.uuid(company));
  }

  @Test
  void anInvitationTheApiWouldRefuseIsRefusedOnThePageWithTheReason() {
    String page = "/dashboard/companies/" + world.companyA.companyId() + "/invitations";
    ann.get(page);
    Response refused = ann.postWithToken(page, Map.of("emails", "not an address", "send", "on"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"invite-problems\"").contains("E-mail addresses");
  }

  @Test
  void aTrackingSwitchWithoutItsPagesTokenChangesNothing() {
    UUID account = world.one("select id from account where company_id = ? limit 1", world.uuid(world.companyA.companyId()));
    Response forged = ann.post("/dashboard/accounts/" + account + "/tracking", Map.of("tracked", "false"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(tracking(account)).isNotEqualTo("DISABLED");

    ann.get("/dashboard/companies/" + world.companyA.companyId() + "/accounts");
    Response switched = ann.postWithToken("/dashboard/accounts/" + account + "/tracking",
        Map.of("tracked", "false", "back", "/dashboard/companies/" + world.companyA.companyId() + "/accounts"));
    assertThat(switched.status()).isEqualTo(303);
    assertThat(tracking(account)).isEqualTo("DISABLED");
    ann.get("/dashboard/companies/" + world.companyA.companyId() + "/accounts");
    ann.postWithToken("/dashboard/accounts/" + account + "/tracking", Map.of("tracked", "true"));
    assertThat(tracking(account)).isEqualTo("ENABLED");
  }

  @Test
  void theWebhooksPageListsTheEndpointsAndOpensThePortalWithAFreshSignedLink() {
    Response endpoint = world.server.postJson("/v2.2/webhook/endpoint", world.keyA.key(),
        "{\"url\": \"https://hooks.a.example/nectar\", \"description\": \"A's receiver\"}");
    assertThat(endpoint.status()).as(endpoint.toString()).isIn(200, 201);
    Response page = ann.get("/dashboard/webhooks");
    assertThat(page.body()).contains("https://hooks.a.example/nectar").doesNotContain("signature=");
    Response portal = ann.postWithToken("/dashboard/webhooks/portal", Map.of());
    assertThat(portal.status()).isEqualTo(303);
    String location = portal.header("Location");
    assertThat(location).contains("/webhooks/portal/").contains("signature=");
    Response opened = world.server.get(location.replaceFirst("^https?://[^/]+", ""), null);
    assertThat(opened.status()).isEqualTo(200);
  }

  @Test
  void billsSentByThePlainFormBecomeOneJobEach() {
    String company = world.companyA.companyId();
    String page = "/dashboard/companies/" + company + "/uploads";
    ann.get(page);
    String boundary = "----dashboard-form";
    StringBuilder body = new StringBuilder();
    body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
        .append(ann.csrf()).append("\r\n");
    for (String name : List.of("one.pdf", "two.pdf")) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"document\"; filename=\"")
          .append(name).append("\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    Response sent = world.server.sendBytes("POST", page, null, "multipart/form-data; boundary=" + boundary,
        body.toString().getBytes(), Map.of("Cookie", "nectar_session=" + ann.cookie("nectar_session").orElseThrow()));
    assertThat(sent.status()).as(sent.body()).isEqualTo(303);
    List<String> names = world.server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select f.file_name from job_upload f join upload_job j on j.id = f.job_id where j.company_id = :c "
                + "order by f.file_name")
        .bind("c", UUID.fromString(company)).mapTo(String.class).list());
    assertThat(names).contains("one.pdf", "two.pdf");
    assertThat(ann.get(page).body()).contains("one.pdf").contains("two.pdf");
  }

  private static String tracking(UUID account) {
    return world.server.server().database().jdbi().withHandle(h -> h.createQuery(
        "select tracking_status from account where id = :id").bind("id", account).mapTo(String.class).one());
  }
}
