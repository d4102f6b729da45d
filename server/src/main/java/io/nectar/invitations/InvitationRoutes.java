package io.nectar.invitations;

import io.nectar.http.Api;
import io.nectar.http.Json;
import io.nectar.http.Pagination;
import io.nectar.http.Pagination.PageRequest;
import java.util.UUID;

/**
 * Invitations (nectar-api.md §11.1): {@code POST /invitation/company/{id}} (a new connection),
 * {@code POST /invitation/connection/{id}} (reconnect), {@code GET /invitation/company/{id}} (newest
 * first, in the usual envelope), {@code GET /invitation/{id}} (with its event log) and
 * {@code POST /invitation/{id}/revoke}.
 *
 * <pre>curl -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
 *   -d '{"allowedEmails": ["ops@example.com"], "expiresInSeconds": 604800, "maxUses": 1, "sendEmail": true}' \
 *   http://localhost:8080/v2.2/invitation/company/$COMPANY</pre>
 */
public final class InvitationRoutes {
  private final InvitationService service;

  public InvitationRoutes(InvitationService service) {
    this.service = service;
  }

  public void register(Api api) {
    api.post("/invitation/company/{companyId}", ctx -> {
      UUID companyId = Api.id(ctx, "companyId", "Company");
      var created = service.createForCompany(Api.caller(ctx), companyId,
          () -> InvitationInput.read(Api.fields(ctx), InvitationType.CREATE_CONNECTION));
      Json.respond(ctx, 201, InvitationView.render(created));
    });
    api.post("/invitation/connection/{connectionId}", ctx -> {
      UUID connectionId = Api.id(ctx, "connectionId", "Connection");
      var created = service.createForConnection(Api.caller(ctx), connectionId,
          () -> InvitationInput.read(Api.fields(ctx), InvitationType.EDIT_CONNECTION));
      Json.respond(ctx, 201, InvitationView.render(created));
    });
    api.get("/invitation/company/{companyId}", ctx -> {
      UUID companyId = Api.id(ctx, "companyId", "Company");
      PageRequest page = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
      InvitationService.InvitationPage result = service.list(Api.caller(ctx), companyId, page);
      result.window().stream(ctx, "totalInvitations", "invitations", result.invitations(),
          (g, invitation) -> g.writeTree(InvitationView.render(invitation)));
    });
    api.get("/invitation/{invitationId}", ctx -> Json.respond(ctx, 200, InvitationView.renderWithEvents(
        service.get(Api.caller(ctx), Api.id(ctx, "invitationId", "Invitation")))));
    api.post("/invitation/{invitationId}/revoke", ctx -> {
      UUID id = Api.id(ctx, "invitationId", "Invitation");
      // No body is expected: any field in one is unknown (checked once the invitation is known to be the caller's).
      Json.respond(ctx, 200, InvitationView.renderWithEvents(service.revoke(Api.caller(ctx), id,
          () -> Api.fields(ctx).finish())));
    });
  }
}
