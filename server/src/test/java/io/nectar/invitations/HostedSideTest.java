package io.nectar.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.errors.Conflict;
import io.nectar.keys.Environment;
import io.nectar.testing.Fixtures;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The side of invitations the hosted pages use: opening by token, the event log, counting uses
 * (never past maxUses, even when uses race), and what is kept of a token (its hash only).
 */
class HostedSideTest {
  static TestServer server;
  static Fixtures fixtures;
  static Jdbi jdbi;
  static InvitationService invitations;
  static String key;
  static String companyId;
  static String siteId;
  static String connectionId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    fixtures = new Fixtures(server);
    jdbi = server.server().database().jdbi();
    invitations = server.server().invitations();
    key = server.tenant("Hosted Org", Environment.SANDBOX).key();
    companyId = fixtures.company(key, "Hosted Co");
    siteId = fixtures.site(key, companyId, "Hosted site");
    connectionId = fixtures.sandboxConnection(key, companyId, List.of(siteId), 1, "");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static JsonNode create(String body) {
    Response created = server.postJson("/v2.2/invitation/company/" + companyId, key, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  void aTokenOpensItsInvitationAndNothingElseDoes() {
    JsonNode created = create("""
        {"allowedEmails": ["Someone@Example.com"], "prefill": {"initialSites": ["%s"], "country": "gb"}}"""
        .formatted(siteId));
    String token = created.path("token").asText();

    HostedInvitation hosted = invitations.findByToken(token).orElseThrow();
    assertThat(hosted.id().toString()).isEqualTo(created.path("id").asText());
    assertThat(hosted.companyId().toString()).isEqualTo(companyId);
    assertThat(hosted.companyName()).isEqualTo("Hosted Co");
    assertThat(hosted.environment()).isEqualTo(Environment.SANDBOX);
    assertThat(hosted.type()).isEqualTo(InvitationType.CREATE_CONNECTION);
    assertThat(hosted.status()).isEqualTo(InvitationStatus.ACTIVE);
    assertThat(hosted.allowedEmails()).containsExactly("someone@example.com");
    assertThat(hosted.prefill().initialSites()).containsExactly(UUID.fromString(siteId));
    assertThat(hosted.prefill().country()).isEqualTo("GB");

    char last = token.charAt(token.length() - 1);
    String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    for (String wrong : List.of(altered, token + "A", token.substring(1), "", " " + token, "../" + token,
        token.toUpperCase(), "%00")) {
      assertThat(invitations.findByToken(wrong)).as(wrong).isEmpty();
    }
    assertThat(invitations.findByToken(null)).isEmpty();
  }

  @Test
  void aTokenIsStoredOnlyAsItsSha256() throws Exception {
    JsonNode created = create("{}");
    String token = created.path("token").asText();
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(token.getBytes(StandardCharsets.US_ASCII)));

    // Every column of every invitation table, as text: the token appears nowhere, its hash once.
    List<String> rows = jdbi.withHandle(h -> {
      List<String> all = new ArrayList<>();
      for (String table : List.of("invitation", "invitation_event", "invitation_connection")) {
        all.addAll(h.createQuery("select t::text from " + table + " t").mapTo(String.class).list());
      }
      return all;
    });
    assertThat(String.join("\n", rows)).doesNotContain(token);
    String stored = jdbi.withHandle(h -> h.createQuery("select token_hash from invitation where id = :id")
        .bind("id", UUID.fromString(created.path("id").asText())).mapTo(String.class).one());
    assertThat(stored).isEqualTo(hash);
  }

  @Test
  void aTokenIsNeverLogged() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    String token;
    try {
      token = create("{\"allowedEmails\": [\"x@example.com\"], \"sendEmail\": true, \"maxUses\": 1}")
          .path("token").asText();
      HostedInvitation hosted = invitations.findByToken(token).orElseThrow();
      jdbi.useTransaction(h -> invitations.recordUse(h, hosted.id(), UUID.fromString(connectionId), "x@example.com"));
      assertThatThrownBy(() -> jdbi.useTransaction(h -> invitations.recordUse(h, hosted.id(),
          UUID.fromString(connectionId), "x@example.com"))).isInstanceOf(Conflict.class);
    } finally {
      root.detachAppender(appender);
    }
    assertThat(appender.list).as("the e-mail without SMTP is logged at WARN")
        .anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN
            && e.getFormattedMessage().contains("NECTAR_SMTP_URL"));
    for (ILoggingEvent event : appender.list) {
      assertThat(event.getFormattedMessage()).doesNotContain(token);
      if (event.getThrowableProxy() != null) {
        assertThat(event.getThrowableProxy().getMessage()).doesNotContain(token);
      }
    }
  }

  @Test
  void usesAreCountedAndTheLastOneFulfilsTheInvitation() {
    JsonNode created = create("{\"maxUses\": 2}");
    UUID id = UUID.fromString(created.path("id").asText());
    UUID connection = UUID.fromString(connectionId);

    jdbi.useTransaction(h -> invitations.recordUse(h, id, connection, "a@example.com"));
    JsonNode once = server.get("/v2.2/invitation/" + id, key).json();
    assertThat(once.path("useCount").asInt()).isEqualTo(1);
    assertThat(once.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(once.at("/createdConnections/0/id").asText()).isEqualTo(connectionId);
    assertThat(once.at("/createdConnections/0/status").asText()).isEqualTo("CONNECTED");
    assertThat(once.at("/createdConnections/0/datasourceName").isTextual()).isTrue();

    jdbi.useTransaction(h -> invitations.recordUse(h, id, connection, "b@example.com"));
    JsonNode twice = server.get("/v2.2/invitation/" + id, key).json();
    assertThat(twice.path("useCount").asInt()).isEqualTo(2);
    assertThat(twice.path("status").asText()).isEqualTo("FULFILLED");
    assertThat(twice.path("createdConnections")).hasSize(1);
    List<String> events = new ArrayList<>();
    twice.path("events").forEach(e -> events.add(e.path("eventType").asText() + " " + e.path("email").asText("null")));
    assertThat(events).containsExactly("CREATED null", "USED a@example.com", "USED b@example.com");
    assertThat(twice.at("/events/1/metadata/connectionId").asText()).isEqualTo(connectionId);

    assertThatThrownBy(() -> jdbi.useTransaction(h -> invitations.recordUse(h, id, connection, "c@example.com")))
        .isInstanceOf(Conflict.class).hasMessageContaining("FULFILLED");
    assertThat(invitations.findByToken(created.path("token").asText()).orElseThrow().status())
        .isEqualTo(InvitationStatus.FULFILLED);

    server.postJson("/v2.2/invitation/" + id + "/revoke", key, "{}");
    assertThat(server.get("/v2.2/invitation/" + id, key).json().path("status").asText())
        .as("REVOKED beats FULFILLED").isEqualTo("REVOKED");
  }

  @Test
  void aRefusedUseRollsBackTheCallersTransaction() {
    UUID id = UUID.fromString(create("{\"maxUses\": 1}").path("id").asText());
    server.postJson("/v2.2/invitation/" + id + "/revoke", key, "{}");
    long before = fixtures.count("select count(*) from invitation_event");

    assertThatThrownBy(() -> jdbi.useTransaction(h -> {
      h.createUpdate("insert into invitation_event (id, invitation_id, event_type, created_at) "
          + "values (:id, :invitation, 'VIEWED', now())").bind("id", UUID.randomUUID()).bind("invitation", id)
          .execute();
      invitations.recordUse(h, id, UUID.fromString(connectionId), "a@example.com");
    })).isInstanceOf(Conflict.class).hasMessageContaining("REVOKED");

    assertThat(fixtures.count("select count(*) from invitation_event")).isEqualTo(before);
    assertThat(server.get("/v2.2/invitation/" + id, key).json().path("useCount").asInt()).isZero();
  }

  @Test
  void concurrentUsesNeverExceedMaxUses() throws Exception {
    int maxUses = 3;
    int threads = 12;
    UUID id = UUID.fromString(create("{\"maxUses\": " + maxUses + "}").path("id").asText());
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String email = "racer" + i + "@example.com";
        Callable<Boolean> use = () -> {
          go.await();
          try {
            jdbi.useTransaction(h -> {
              invitations.recordUse(h, id, UUID.fromString(connectionId), email);
              // Hold the transaction open a moment, so that the others queue on the row meanwhile.
              h.execute("select pg_sleep(0.05)");
            });
            return true;
          } catch (Conflict refused) {
            return false;
          }
        };
        outcomes.add(pool.submit(use));
      }
      go.countDown();
      int succeeded = 0;
      for (Future<Boolean> outcome : outcomes) {
        succeeded += outcome.get() ? 1 : 0;
      }
      assertThat(succeeded).isEqualTo(maxUses);
    } finally {
      pool.shutdownNow();
    }
    JsonNode invitation = server.get("/v2.2/invitation/" + id, key).json();
    assertThat(invitation.path("useCount").asInt()).isEqualTo(maxUses);
    assertThat(invitation.path("status").asText()).isEqualTo("FULFILLED");
    long used = 0;
    for (JsonNode e : invitation.path("events")) {
      used += e.path("eventType").asText().equals("USED") ? 1 : 0;
    }
    assertThat(used).isEqualTo(maxUses);
  }

  @Test
  void aReconnectInvitationCountsItsUseOnItsOwnConnectionOnly() {
    Response created = server.postJson("/v2.2/invitation/connection/" + connectionId, key, "{\"maxUses\": 1}");
    UUID id = UUID.fromString(created.json().path("id").asText());
    assertThatThrownBy(() -> jdbi.useTransaction(h -> invitations.recordUse(h, id, UUID.randomUUID(), null)))
        .isInstanceOf(IllegalArgumentException.class);
    jdbi.useTransaction(h -> invitations.recordUse(h, id, UUID.fromString(connectionId), null));
    JsonNode after = server.get("/v2.2/invitation/" + id, key).json();
    assertThat(after.path("status").asText()).isEqualTo("FULFILLED");
    assertThat(after.path("createdConnections")).as("empty for EDIT").isEmpty();
    HostedInvitation hosted = invitations.findByToken(created.json().path("token").asText()).orElseThrow();
    assertThat(hosted.connectionId().toString()).isEqualTo(connectionId);
    assertThat(hosted.type()).isEqualTo(InvitationType.EDIT_CONNECTION);
  }

  @Test
  void eventsFromThePagesJoinTheLogInOrder() {
    UUID id = UUID.fromString(create("{\"allowedEmails\": [\"v@example.com\"]}").path("id").asText());
    invitations.recordEvent(id, InvitationEventType.VIEWED, null, Map.of("userAgent", "test"));
    invitations.recordEvent(id, InvitationEventType.EMAIL_REFUSED, "intruder@example.com", Map.of());
    invitations.recordEvent(id, InvitationEventType.EMAIL_VERIFIED, "v@example.com", null);
    JsonNode events = server.get("/v2.2/invitation/" + id, key).json().path("events");
    List<String> types = new ArrayList<>();
    events.forEach(e -> types.add(e.path("eventType").asText()));
    assertThat(types).containsExactly("CREATED", "VIEWED", "EMAIL_REFUSED", "EMAIL_VERIFIED");
    assertThat(events.get(1).at("/metadata/userAgent").asText()).isEqualTo("test");
    assertThat(events.get(2).path("email").asText()).isEqualTo("intruder@example.com");
  }

  @Test
  void anEmailProofHoldsForItsInvitationAndAddressOnly() {
    EmailProof proofs = new EmailProof("a server secret of at least thirty-two characters".getBytes());
    UUID invitation = UUID.randomUUID();
    String proof = proofs.sign(invitation, "Someone@Example.com");
    assertThat(proof).matches("[A-Za-z0-9_-]{43}");
    assertThat(proofs.verify(invitation, "someone@example.com", proof)).as("addresses compare lower-cased").isTrue();
    assertThat(proofs.verify(invitation, "other@example.com", proof)).isFalse();
    assertThat(proofs.verify(UUID.randomUUID(), "someone@example.com", proof)).isFalse();
    assertThat(proofs.verify(invitation, "someone@example.com", proof.substring(1))).isFalse();
    assertThat(proofs.verify(invitation, "someone@example.com", null)).isFalse();
    assertThat(new EmailProof("another server secret of thirty-two characters!".getBytes())
        .verify(invitation, "someone@example.com", proof)).isFalse();
  }
}
