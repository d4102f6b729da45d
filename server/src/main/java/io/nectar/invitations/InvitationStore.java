package io.nectar.invitations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.nectar.db.Rows;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nectar.keys.Environment;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** SQL for invitations, their events and the connections made through them. Tokens exist here only as hashes. */
final class InvitationStore {
  private static final String COLUMNS = """
      id, organization_id, environment, company_id, connection_id, invitation_type, allowed_emails, expires_at,
      max_uses, use_count, prefill, revoked_at, created_at""";
  private static final ObjectMapper JSON = new ObjectMapper();

  void insert(Handle h, Invitation i, String tokenHash) {
    h.createUpdate("insert into invitation (" + COLUMNS + ", token_hash) values (:id, :org, :env, :company, "
            + "cast(:connection as uuid), :type, :emails, :expires, :maxUses, :useCount, cast(:prefill as jsonb), "
            + ":revoked, :created, :hash)")
        .bind("id", i.id()).bind("org", i.organizationId()).bind("env", i.environment().name())
        .bind("company", i.companyId()).bindByType("connection", i.connectionId(), UUID.class).bind("type", i.type().name())
        .bindArray("emails", String.class, i.allowedEmails()).bind("expires", i.expiresAt())
        .bind("maxUses", i.maxUses()).bind("useCount", i.useCount())
        .bind("prefill", PrefillJson.write(i.prefill()).toString()).bind("revoked", i.revokedAt())
        .bind("created", i.createdAt()).bind("hash", tokenHash)
        .execute();
  }

  Optional<Invitation> find(Handle h, UUID id) {
    return h.createQuery("select " + COLUMNS + " from invitation where id = :id")
        .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
  }

  Optional<Invitation> findByTokenHash(Handle h, String tokenHash) {
    return h.createQuery("select " + COLUMNS + " from invitation where token_hash = :hash")
        .bind("hash", tokenHash).map((rs, ctx) -> map(rs)).findOne();
  }

  long count(Handle h, UUID companyId) {
    return h.createQuery("select count(*) from invitation where company_id = :company")
        .bind("company", companyId).mapTo(Long.class).one();
  }

  /** Newest first, the id breaking ties, so paging through an unchanged set meets every row once. */
  List<Invitation> page(Handle h, UUID companyId, long offset, int limit) {
    return h.createQuery("select " + COLUMNS + " from invitation where company_id = :company "
            + "order by created_at desc, id desc limit :limit offset :offset")
        .bind("company", companyId).bind("limit", limit).bind("offset", offset)
        .map((rs, ctx) -> map(rs)).list();
  }

  /**
   * The connections made through each of {@code invitationIds}, oldest first. It reads the connection
   * table directly (read only): the list shows a hundred invitations, and one query serves them all.
   */
  Map<UUID, List<Invitation.CreatedConnection>> createdConnections(Handle h, Collection<UUID> invitationIds) {
    if (invitationIds.isEmpty()) {
      return Map.of();
    }
    record Row(UUID invitationId, Invitation.CreatedConnection connection) {}
    return h.createQuery("""
            select ic.invitation_id, c.id, c.provider_name, c.status, c.created_at
            from invitation_connection ic join connection c on c.id = ic.connection_id
            where ic.invitation_id = any(:ids) order by c.created_at, c.id""")
        .bindArray("ids", UUID.class, invitationIds)
        .map((rs, ctx) -> new Row(rs.getObject("invitation_id", UUID.class), new Invitation.CreatedConnection(
            rs.getObject("id", UUID.class), rs.getString("provider_name"), rs.getString("status"),
            Rows.instant(rs.getTimestamp("created_at")))))
        .list().stream()
        .collect(Collectors.groupingBy(Row::invitationId, LinkedHashMap::new,
            Collectors.mapping(Row::connection, Collectors.toList())));
  }

  void insertEvent(Handle h, UUID invitationId, Invitation.Event e) {
    h.createUpdate("insert into invitation_event (id, invitation_id, event_type, email, metadata, created_at) "
            + "values (:id, :invitation, :type, :email, cast(:metadata as jsonb), :created)")
        .bind("id", e.id()).bind("invitation", invitationId).bind("type", e.type().name()).bind("email", e.email())
        .bind("metadata", json(e.metadata())).bind("created", e.createdAt())
        .execute();
  }

  /** The invitation's events, oldest first. */
  List<Invitation.Event> events(Handle h, UUID invitationId) {
    return h.createQuery("select id, event_type, email, metadata, created_at from invitation_event "
            + "where invitation_id = :id order by created_at, id")
        .bind("id", invitationId)
        .map((rs, ctx) -> new Invitation.Event(rs.getObject("id", UUID.class),
            InvitationEventType.valueOf(rs.getString("event_type")), rs.getString("email"),
            metadata(rs.getString("metadata")), Rows.instant(rs.getTimestamp("created_at"))))
        .list();
  }

  /** Marks it revoked now; false when it already was (the first revocation time stays). */
  boolean revoke(Handle h, UUID id, Instant now) {
    return h.createUpdate("update invitation set revoked_at = :now where id = :id and revoked_at is null")
        .bind("id", id).bind("now", now).execute() == 1;
  }

  /**
   * Counts one use if the invitation is still ACTIVE at {@code now}, in one conditional statement: the
   * row lock makes concurrent uses queue, and each re-checks the condition on the row the one before
   * it left, so {@code use_count} never passes {@code max_uses}. False when it is not ACTIVE.
   */
  boolean use(Handle h, UUID id, Instant now) {
    return h.createQuery("""
            update invitation set use_count = use_count + 1
            where id = :id and revoked_at is null and (max_uses is null or use_count < max_uses)
              and (expires_at is null or expires_at > :now)
            returning use_count""")
        .bind("id", id).bind("now", now).mapTo(Integer.class).findOne().isPresent();
  }

  void linkConnection(Handle h, UUID invitationId, UUID connectionId, Instant now) {
    h.createUpdate("insert into invitation_connection (invitation_id, connection_id, created_at) "
            + "values (:invitation, :connection, :now) on conflict do nothing")
        .bind("invitation", invitationId).bind("connection", connectionId).bind("now", now).execute();
  }

  private static Invitation map(ResultSet rs) throws SQLException {
    int maxUses = rs.getInt("max_uses");
    Integer max = rs.wasNull() ? null : maxUses;
    Prefill prefill;
    try {
      prefill = PrefillJson.read(JSON.readTree(rs.getString("prefill")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("invitation " + rs.getObject("id") + " holds a malformed prefill", e);
    }
    return new Invitation(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
        Environment.valueOf(rs.getString("environment")), rs.getObject("company_id", UUID.class),
        rs.getObject("connection_id", UUID.class), InvitationType.valueOf(rs.getString("invitation_type")),
        strings(rs.getArray("allowed_emails")), Rows.instant(rs.getTimestamp("expires_at")), max,
        rs.getInt("use_count"), prefill, Rows.instant(rs.getTimestamp("revoked_at")),
        Rows.instant(rs.getTimestamp("created_at")));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static String json(Map<String, String> metadata) {
    try {
      return JSON.writeValueAsString(metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> metadata(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an invitation event holds malformed metadata", e);
    }
  }
}
