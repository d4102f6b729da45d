package io.nectar.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nectar.keys.Environment;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deleting a company removes its invitations, their events and their links to connections. */
class InvitationPurgeTest {
  static TestServer server;
  static Fixtures fixtures;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    fixtures = new Fixtures(server);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aPurgedCompanyTakesItsInvitationsEventsAndLinksWithIt() {
    String key = server.tenant("Purge Invitations Org", Environment.SANDBOX).key();
    String doomed = fixtures.company(key, "Doomed");
    String kept = fixtures.company(key, "Kept");
    String site = fixtures.site(key, doomed, "Doomed site");
    String connection = fixtures.sandboxConnection(key, doomed, List.of(site), 1, "");
    Response invitation = server.postJson("/v2.2/invitation/company/" + doomed, key, "{\"sendEmail\": false}");
    server.postJson("/v2.2/invitation/connection/" + connection, key, "{}");
    server.postJson("/v2.2/invitation/company/" + kept, key, "{}");
    UUID invitationId = UUID.fromString(invitation.json().path("id").asText());
    server.server().database().jdbi().useTransaction(h ->
        server.server().invitations().recordUse(h, invitationId, UUID.fromString(connection), "a@example.com"));
    assertThat(fixtures.count("invitation", "company_id", doomed)).isEqualTo(2);
    assertThat(fixtures.count("invitation_connection", "invitation_id", invitationId.toString())).isEqualTo(1);

    assertThat(server.delete("/v2.2/company/" + doomed, key).status()).isEqualTo(204);

    await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.count("invitation", "company_id", doomed) == 0);
    assertThat(fixtures.count("invitation_event", "invitation_id", invitationId.toString())).isZero();
    assertThat(fixtures.count("invitation_connection", "invitation_id", invitationId.toString())).isZero();
    assertThat(fixtures.count("invitation", "company_id", kept)).isEqualTo(1);
    assertThat(fixtures.count("company", "id", doomed)).isZero();
  }
}
