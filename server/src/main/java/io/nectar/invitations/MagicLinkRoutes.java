package io.nectar.invitations;

import io.javalin.http.Context;
import io.nectar.connections.ConnectionView;
import io.nectar.http.Api;
import io.nectar.http.Json;
import java.util.UUID;

/**
 * The deprecated magic-link endpoints (nectar-api.md §11.2), on GET and POST both (CONTRACT §1):
 * {@code /connection/company/{id}/link} (alias {@code /company/{id}/connection/link}) answers
 * {@code {companyMagicLinkSecret, publicCompanyId, magicLinkUrl}}; {@code /connection/{id}} answers the
 * Connection object with its {@code connectionMagicLinkSecret}. They live here, not in connections,
 * because invitations build on connections and packages form no cycles.
 */
public final class MagicLinkRoutes {
  private final MagicLinkService service;

  public MagicLinkRoutes(MagicLinkService service) {
    this.service = service;
  }

  public void register(Api api) {
    for (String path : new String[] {"/connection/company/{companyId}/link", "/company/{companyId}/connection/link"}) {
      api.get(path, this::companyLink);
      api.post(path, this::companyLink);
    }
    api.get("/connection/{connectionId}", this::connectionLink);
    api.post("/connection/{connectionId}", this::connectionLink);
  }

  private void companyLink(Context ctx) {
    UUID companyId = Api.id(ctx, "companyId", "Company");
    var link = service.companyLink(Api.caller(ctx), companyId,
        () -> InvitationInput.readMagicLink(Api.fields(ctx)));
    Json.respond(ctx, 200, Json.object()
        .put("companyMagicLinkSecret", link.companyMagicLinkSecret())
        .put("publicCompanyId", link.publicCompanyId())
        .put("magicLinkUrl", link.magicLinkUrl()));
  }

  private void connectionLink(Context ctx) {
    UUID connectionId = Api.id(ctx, "connectionId", "Connection");
    // The edit link takes no body: any field in one is unknown.
    var link = service.connectionLink(Api.caller(ctx), connectionId, () -> Api.fields(ctx).finish());
    Json.respond(ctx, 200, ConnectionView.render(link.connection(), link.secret()));
  }
}
