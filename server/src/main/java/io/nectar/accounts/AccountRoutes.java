package io.nectar.accounts;

import io.javalin.http.Context;
import io.nectar.errors.InvalidInput;
import io.nectar.http.Api;
import io.nectar.http.Fields;
import io.nectar.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code PATCH /account/{id}} {@code {"isTracked": bool, "updateMeters": bool}} and the bulk
 * {@code PATCH /account/company/{id}} {@code {"accounts": [ids], "isTracked", "updateMeters"}}
 * (alias {@code PATCH /company/{id}/account}), all or nothing.
 */
public final class AccountRoutes {
  private final AccountService service;

  public AccountRoutes(AccountService service) {
    this.service = service;
  }

  public void register(Api api) {
    api.patch("/account/{accountId}", this::update);
    api.patch("/account/company/{companyId}", this::updateMany);
    api.patch("/company/{companyId}/account", this::updateMany);
  }

  private void update(Context ctx) {
    UUID id = Api.id(ctx, "accountId", "Account");
    var details = service.setTracked(Api.caller(ctx), id, () -> {
      Fields fields = Api.fields(ctx).require("isTracked");
      Boolean tracked = fields.bool("isTracked");
      Boolean updateMeters = fields.bool("updateMeters");
      fields.finish();
      return new TrackingChange(List.of(id), tracked, updateMeters == null || updateMeters);
    });
    Json.respond(ctx, 200, AccountView.render(details.account(), details.meters()));
  }

  private void updateMany(Context ctx) {
    UUID companyId = Api.id(ctx, "companyId", "Company");
    var array = Json.array();
    service.setTrackedInBulk(Api.caller(ctx), companyId, () -> readBulk(ctx))
        .forEach(d -> array.add(AccountView.render(d.account(), d.meters())));
    Json.respond(ctx, 200, array);
  }

  private static TrackingChange readBulk(Context ctx) {
    Fields fields = Api.fields(ctx).require("accounts", "isTracked");
    List<String> rawIds = fields.textList("accounts", 1000, 36);
    Boolean tracked = fields.bool("isTracked");
    Boolean updateMeters = fields.bool("updateMeters");
    fields.finish();
    List<UUID> ids = new ArrayList<>();
    for (String raw : rawIds) {
      ids.add(Api.uuid(raw).orElseThrow(() ->
          InvalidInput.field("accounts", "\"" + raw + "\" is not a valid UUID.")));
    }
    if (ids.isEmpty()) {
      throw InvalidInput.field("accounts", "This list may not be empty.");
    }
    return new TrackingChange(ids, tracked, updateMeters == null || updateMeters);
  }
}
