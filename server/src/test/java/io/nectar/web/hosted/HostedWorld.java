package io.nectar.web.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One organization on a test server, with what hosted-flow tests set up and check through the API:
 * companies and sites, invitations and their event logs, the company's connections, and the webhook
 * messages the organization's events produced (every event is kept, subscribed or not).
 */
public final class HostedWorld {
  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

  public final TestServer server;
  public final Fixtures fixtures;
  public final TestServer.Tenant tenant;
  public final String key;

  public HostedWorld(TestServer server, String organization) {
    this.server = server;
    this.fixtures = new Fixtures(server);
    this.tenant = server.tenant(organization, Environment.SANDBOX);
    this.key = tenant.key();
  }

  /** A browser from a client address no other browser of this JVM uses. */
  public HostedBrowser browser() {
    int n = NEXT_ADDRESS.getAndIncrement();
    return new HostedBrowser(server.server().port(), "127.0." + (n / 250) + "." + (n % 250 + 2));
  }

  /** A company and one site: {@code [companyId, siteId]}. */
  public String[] companyWithSite(String name) {
    String company = fixtures.company(key, name);
    return new String[] {company, fixtures.site(key, company, name + " site")};
  }

  /** Creates an invitation for the company; {@code body} is its JSON. */
  public JsonNode invite(String companyId, String body) {
    Response created = server.postJson("/v2.2/invitation/company/" + companyId, key, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  /** An invitation for one site, a month of history (a small collection), {@code extra} more members. */
  public JsonNode inviteFor(String[] companyAndSite, String extra) {
    return invite(companyAndSite[0], "{\"prefill\": {\"initialSites\": [\"" + companyAndSite[1]
        + "\"], \"dataCollectionStartDate\": \"" + Fixtures.monthsAgo(1) + "\"}" + extra + "}");
  }

  public JsonNode invitation(String id) {
    Response read = server.get("/v2.2/invitation/" + id, key);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    return read.json();
  }

  public List<String> invitationEvents(String id) {
    List<String> types = new ArrayList<>();
    invitation(id).path("events").forEach(e -> types.add(e.path("eventType").asText()));
    return types;
  }

  /** The path of an absolute URL the API gave (an invitation or magic link). */
  public static String path(String url) {
    return URI.create(url).getRawPath();
  }

  public List<JsonNode> connections(String companyId) {
    Response list = server.get("/v2.2/connection/company/" + companyId, key);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    List<JsonNode> all = new ArrayList<>();
    list.json().path("connections").forEach(all::add);
    return all;
  }

  public JsonNode connection(String id) {
    Response read = server.get("/v2.2/connection/" + id + "/details", key);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    return read.json();
  }

  /** The bodies of this organization's webhook messages of {@code eventType}, oldest first. */
  public List<String> messages(String eventType) {
    return server.server().database().jdbi().withHandle(h -> h.createQuery("""
            select payload from webhook_message where organization_id = :org and event_type = :type
            order by created_at, id""")
        .bind("org", tenant.organizationId()).bind("type", eventType).mapTo(String.class).list());
  }

  /** Every webhook message body of this organization. */
  public List<String> allMessages() {
    return server.server().database().jdbi().withHandle(h -> h.createQuery(
            "select event_type || ' ' || payload from webhook_message where organization_id = :org")
        .bind("org", tenant.organizationId()).mapTo(String.class).list());
  }

  public List<String> messagesAbout(String eventType, String connectionId) {
    return messages(eventType).stream().filter(m -> m.contains(connectionId)).toList();
  }

  /** The picked sandbox utility's credential page, from the utility list of {@code page}. */
  public static HostedBrowser.Page pickSandbox(HostedBrowser browser, HostedBrowser.Page page) {
    assertThat(page.step()).as(page.toString()).isEqualTo("UTILITY");
    String link = page.links().stream().filter(l -> l.contains("?utility=") && l.contains("nectarclimate"))
        .findFirst().orElseThrow(() -> new AssertionError("no sandbox utility on " + page));
    HostedBrowser.Page credentials = browser.get(link);
    assertThat(credentials.step()).as(credentials.toString()).isEqualTo("CREDENTIALS");
    return credentials;
  }

  /** Posts a login on a credential page of a new connection (sites and country fixed by the invitation or sent). */
  public static HostedBrowser.Page login(HostedBrowser browser, HostedBrowser.Page credentials, String username,
      String password, String... more) {
    List<String> fields = new ArrayList<>(List.of("url", Fixtures.SANDBOX_URL, "username", username,
        "password", password, "country", "US"));
    fields.addAll(List.of(more));
    return browser.submit(credentials, "connect", fields.toArray(String[]::new));
  }

  static UUID uuid(String text) {
    return UUID.fromString(text);
  }

  static Map<String, String> none() {
    return Map.of();
  }
}
