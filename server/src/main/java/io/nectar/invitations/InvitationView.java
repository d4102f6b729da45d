package io.nectar.invitations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Json;

/** The invitation object (nectar-api.md §11.1), the same under every API version. */
final class InvitationView {
  private InvitationView() {}

  /** As a list or a read shows it: {@code token} and {@code invitationUrl} are null, as only a hash is kept. */
  static ObjectNode render(InvitationService.Details details) {
    return render(details, null, null);
  }

  /** The detail view: the object and its event log, oldest first. */
  static ObjectNode renderWithEvents(InvitationService.Details details) {
    ObjectNode json = render(details);
    ArrayNode events = json.putArray("events");
    for (Invitation.Event e : details.events()) {
      ObjectNode event = events.addObject();
      event.put("id", e.id().toString());
      event.put("eventType", e.type().name());
      event.put("email", e.email());
      event.put("createdAt", Json.timestamp(e.createdAt()));
      ObjectNode metadata = event.putObject("metadata");
      e.metadata().forEach(metadata::put);
    }
    return json;
  }

  /** The create response: the token and its URL (shown this once), and each address's e-mail outcome. */
  static ObjectNode render(InvitationService.Created created) {
    ObjectNode json = render(created.details(), created.token(), created.invitationUrl());
    ArrayNode deliveries = json.putArray("emailDelivery");
    for (InvitationMails.Delivery d : created.deliveries()) {
      deliveries.addObject().put("email", d.email()).put("status", d.status().name()).put("detail", d.detail());
    }
    return json;
  }

  private static ObjectNode render(InvitationService.Details details, String token, String invitationUrl) {
    Invitation i = details.invitation();
    ObjectNode json = Json.object();
    json.put("id", i.id().toString());
    json.put("token", token);
    json.put("invitationType", i.type().name());
    json.put("status", details.status().name());
    json.put("invitationUrl", invitationUrl);
    json.put("companyId", i.companyId().toString());
    json.put("connectionId", i.connectionId() == null ? null : i.connectionId().toString());
    json.set("allowedEmails", Json.strings(i.allowedEmails()));
    json.put("expiresAt", i.expiresAt() == null ? null : Json.timestamp(i.expiresAt()));
    if (i.maxUses() == null) {
      json.putNull("maxUses");
    } else {
      json.put("maxUses", i.maxUses().intValue());
    }
    json.put("useCount", i.useCount());
    json.put("createdAt", Json.timestamp(i.createdAt()));
    json.set("prefill", PrefillJson.write(i.prefill()));
    ArrayNode made = json.putArray("createdConnections");
    for (Invitation.CreatedConnection c : details.connections()) {
      made.addObject().put("id", c.id().toString()).put("datasourceName", c.datasourceName())
          .put("status", c.status()).put("created", Json.timestamp(c.created()));
    }
    return json;
  }
}
