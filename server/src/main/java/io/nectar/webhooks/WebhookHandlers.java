package io.nectar.webhooks;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.nectar.http.Api;
import io.nectar.http.Fields;
import io.nectar.http.Json;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination;
import java.util.UUID;
import java.util.function.Function;

/**
 * The endpoint-management handlers, shared by the API (the tenant is the key's) and the portal page
 * (the tenant is the signed link's): only how the tenant and the body are found differs.
 */
public final class WebhookHandlers {
  private final WebhookService service;
  private final Function<Context, Tenant> tenant;
  private final Function<Context, Fields> fields;

  public WebhookHandlers(WebhookService service, Function<Context, Tenant> tenant, Function<Context, Fields> fields) {
    this.service = service;
    this.tenant = tenant;
    this.fields = fields;
  }

  public Handler list() {
    return ctx -> {
      var array = Json.array();
      service.list(tenant.apply(ctx)).forEach(e -> array.add(EndpointView.render(e)));
      Json.respond(ctx, 200, array);
    };
  }

  public Handler create() {
    return ctx -> {
      Tenant owner = tenant.apply(ctx);
      EndpointInput input = EndpointInput.read(fields.apply(ctx), Fields.Purpose.CREATE);
      Json.respond(ctx, 201, EndpointView.render(service.create(owner, input)));
    };
  }

  public Handler get() {
    return ctx -> Json.respond(ctx, 200, EndpointView.render(service.get(tenant.apply(ctx), endpointId(ctx))));
  }

  public Handler update() {
    return ctx -> Json.respond(ctx, 200, EndpointView.render(service.update(tenant.apply(ctx), endpointId(ctx),
        () -> EndpointInput.read(fields.apply(ctx), Fields.Purpose.CHANGE))));
  }

  public Handler delete() {
    return ctx -> {
      service.delete(tenant.apply(ctx), endpointId(ctx));
      Json.noContent(ctx);
    };
  }

  public Handler rotateSecret() {
    return ctx -> Json.respond(ctx, 200,
        EndpointView.render(service.rotateSecret(tenant.apply(ctx), endpointId(ctx), emptyBody(ctx))));
  }

  public Handler sendTest() {
    return ctx -> {
      UUID message = service.sendTest(tenant.apply(ctx), endpointId(ctx), emptyBody(ctx));
      Json.respond(ctx, 202, Json.object().put("messageId", message.toString())
          .put("eventType", WebhookEventType.TEST.wireName()));
    };
  }

  public Handler recover() {
    return ctx -> {
      int queued = service.recover(tenant.apply(ctx), endpointId(ctx),
          () -> EndpointInput.recoverSince(fields.apply(ctx)));
      Json.respond(ctx, 202, Json.object().put("queued", queued));
    };
  }

  public Handler attempts() {
    return ctx -> {
      Tenant owner = tenant.apply(ctx);
      UUID id = endpointId(ctx);
      PageRequest page = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
      var result = service.attempts(owner, id, page);
      var items = Json.array();
      result.attempts().forEach(a -> items.add(EndpointView.attempt(a)));
      Json.respond(ctx, 200, result.window().envelope("totalAttempts", "attempts", items));
    };
  }

  public Handler replay() {
    return ctx -> {
      Tenant owner = tenant.apply(ctx);
      int queued = service.replay(owner, Api.id(ctx, "messageId", "Message"), emptyBody(ctx));
      Json.respond(ctx, 202, Json.object().put("queued", queued));
    };
  }

  /** For operations without input: an empty body or object passes, any field is refused. */
  private Runnable emptyBody(Context ctx) {
    return () -> fields.apply(ctx).finish();
  }

  private static UUID endpointId(Context ctx) {
    return Api.id(ctx, "endpointId", "Webhook endpoint");
  }
}
