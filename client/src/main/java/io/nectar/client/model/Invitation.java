package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A link that lets a customer connect their utility account (or fix a broken connection) through
 * the hosted flow, without a login. The same record serves the create answer (with
 * {@code emailDelivery}), the detail and revoke answers (with {@code events}) and list items (with
 * neither; those lists are then empty).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Invitation(UUID id, String token, InvitationType invitationType, InvitationStatus status,
    String invitationUrl, UUID companyId, UUID connectionId, List<String> allowedEmails, Instant expiresAt,
    Integer maxUses, int useCount, Instant createdAt, Prefill prefill, List<CreatedConnection> createdConnections,
    List<EmailDelivery> emailDelivery, List<Event> events) {
  public Invitation {
    allowedEmails = Lists.copy(allowedEmails);
    createdConnections = Lists.copy(createdConnections);
    emailDelivery = Lists.copy(emailDelivery);
    events = Lists.copy(events);
  }

  /** What the hosted form fills in for the customer (empty for a reconnect invitation). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Prefill(String url, List<UUID> initialSites, List<DatasourceType> utilityTypes, String country,
      String connectionOwnerEmail, LocalDate dataCollectionStartDate) {
    public Prefill {
      initialSites = Lists.copy(initialSites);
      utilityTypes = Lists.copy(utilityTypes);
    }
  }

  /** A connection made through the invitation. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CreatedConnection(UUID id, String datasourceName, ConnectionStatus status, Instant created) {
  }

  /** Whether the invitation email to one address went out ({@code SENT}, {@code FAILED}, {@code NOT_CONFIGURED}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record EmailDelivery(String email, String status, String detail) {
  }

  /** One entry of the invitation's history (viewed, email verified, used, revoked, ...). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Event(UUID id, String eventType, String email, Instant createdAt, Map<String, Object> metadata) {
    public Event {
      metadata = Lists.copy(metadata);
    }
  }
}
