package io.nectar.client.service;

import io.nectar.client.Page;
import io.nectar.client.RequestOptions;
import io.nectar.client.internal.Api;
import io.nectar.client.model.Invitation;
import io.nectar.client.model.NewInvitation;
import io.nectar.client.model.NewReconnectInvitation;
import java.util.UUID;

/**
 * Invitations: links that let a customer connect a utility account (or repair a connection)
 * through the hosted flow, with their history and revocation. They replace the legacy magic links.
 */
public final class InvitationService {
  private final Api api;

  public InvitationService(Api api) {
    this.api = api;
  }

  /** An invitation to create connections for the company. */
  public Invitation create(UUID companyId, NewInvitation invitation) {
    return create(companyId, invitation, RequestOptions.DEFAULT);
  }

  public Invitation create(UUID companyId, NewInvitation invitation, RequestOptions options) {
    return api.post("/invitation/company/" + companyId, invitation, Invitation.class, options);
  }

  /** An invitation to fix an existing connection (new password, MFA), keeping its history. */
  public Invitation reconnect(UUID connectionId, NewReconnectInvitation invitation) {
    return reconnect(connectionId, invitation, RequestOptions.DEFAULT);
  }

  public Invitation reconnect(UUID connectionId, NewReconnectInvitation invitation, RequestOptions options) {
    return api.post("/invitation/connection/" + connectionId, invitation, Invitation.class, options);
  }

  public Page<Invitation> list(UUID companyId) {
    return list(companyId, RequestOptions.DEFAULT);
  }

  public Page<Invitation> list(UUID companyId, RequestOptions options) {
    return api.page("/invitation/company/" + companyId, null, "invitations", Invitation.class, options, 1);
  }

  /** The invitation with its event history. */
  public Invitation get(UUID invitationId) {
    return get(invitationId, RequestOptions.DEFAULT);
  }

  public Invitation get(UUID invitationId, RequestOptions options) {
    return api.get("/invitation/" + invitationId, Invitation.class, options);
  }

  public Invitation revoke(UUID invitationId) {
    return revoke(invitationId, RequestOptions.DEFAULT);
  }

  public Invitation revoke(UUID invitationId, RequestOptions options) {
    return api.post("/invitation/" + invitationId + "/revoke", null, Invitation.class, options);
  }
}
