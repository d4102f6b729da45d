package io.nectar.web.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.nectar.errors.NotFound;
import io.nectar.keys.ApiKey;
import io.nectar.keys.CreatedKey;
import io.nectar.keys.Environment;
import io.nectar.keys.KeyService;
import io.nectar.keys.Organization;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Settings > Organization > API Keys: create a key (its secret shown once, on the answer to the form,
 * and never stored), list the organization's keys with their last use, revoke one after a confirmation.
 * Every key is looked up together with the person's organization: an id of another's finds nothing.
 */
public final class KeysDashboardRoutes {
  static final String PATH = "/dashboard/settings/keys";

  /** One row of the list, with its values as shown. */
  public record Row(ApiKey key, String status, String created, String lastUsed, String expires) {
    public boolean active() {
      return status.equals("Active");
    }
  }

  /**
   * What the creation form holds (shown again with its errors). {@code once} is a random value of this
   * showing of the form: the key's id derives from it, so the same form sent twice makes one key.
   */
  public record Form(String name, Environment environment, String expires, String once) {
    static Form empty(Environment environment) {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      return new Form("", environment, "", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyService keys;
  private final Clock clock;
  private final DashboardGate gate;
  private final DashboardPage page;

  KeysDashboardRoutes(KeyService keys, Clock clock, DashboardGate gate, DashboardPage page) {
    this.keys = keys;
    this.clock = clock;
    this.gate = gate;
    this.page = page;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, ctx -> {
      SignedIn who = gate.requireAdmin(ctx);
      String revoked = ctx.queryParam("revoked");
      show(ctx, 200, who, Form.empty(who.environment()), null, Map.of(),
          revoked == null ? null : "The key was revoked: it fails from its next request on.");
    });
    routes.post(PATH, this::create);
    routes.get(PATH + "/{id}/revoke", ctx -> {
      SignedIn who = gate.requireAdmin(ctx);
      ApiKey key = owned(who, ctx.pathParam("id"));
      page.render(ctx, "dashboard/key-revoke.jte", Map.of("who", who, "key", key));
    });
    routes.post(PATH + "/{id}/revoke", ctx -> {
      SignedIn who = gate.requireAdmin(ctx);
      ApiKey key = owned(who, ctx.pathParam("id"));
      keys.revoke(who.user().organizationId(), key.id());
      DashboardPage.secure(ctx, null);
      ctx.redirect(PATH + "?revoked", HttpStatus.SEE_OTHER);
    });
  }

  private void create(Context ctx) {
    SignedIn who = gate.requireAdmin(ctx);
    Forms form = Forms.of(ctx);
    String name = form.textOrEmpty("name");
    Optional<Environment> environment = Environment.parse(form.text("environment"));
    String expires = form.textOrEmpty("expires");
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (name.isEmpty() || name.length() > 200) {
      errors.put("name", List.of("Give the key a name of 1 to 200 characters, e.g. where it is used."));
    }
    if (environment.isEmpty()) {
      errors.put("environment", List.of("Choose Sandbox or Production."));
    }
    Optional<LocalDate> expiry = Optional.empty();
    if (!expires.isEmpty()) {
      try {
        expiry = Optional.of(LocalDate.parse(expires));
        if (!expiry.get().atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(clock.instant())) {
          errors.put("expires", List.of("The expiry date must be in the future."));
        }
      } catch (DateTimeParseException e) {
        errors.put("expires", List.of("Enter the expiry date as YYYY-MM-DD, or leave it empty."));
      }
    }
    String once = form.text("once");
    if (once == null || once.length() != 22) {
      once = Form.empty(who.environment()).once();
    }
    Form shownAgain = new Form(name, environment.orElse(who.environment()), expires, once);
    if (!errors.isEmpty()) {
      show(ctx, 400, who, shownAgain, null, errors, null);
      return;
    }
    Organization organization = keys.organization(who.user().organizationId())
        .orElseThrow(() -> new NotFound("Organization"));
    // The session's form token is secret to this browser, so nobody else can aim at this id.
    UUID keyId = UUID.nameUUIDFromBytes((who.csrfToken() + ":" + once).getBytes(StandardCharsets.UTF_8));
    Optional<CreatedKey> created = keys.createOnce(keyId, organization, name, environment.get(), expiry);
    if (created.isEmpty()) {
      show(ctx, 200, who, Form.empty(who.environment()), null, Map.of(), "This form was sent before: the key \u201c"
          + name + "\u201d exists, and its secret was shown on the first answer only. If nobody copied it, revoke "
          + "the key and create another.");
      return;
    }
    show(ctx, 201, who, Form.empty(who.environment()), created.get(), Map.of(), null);
  }

  private void show(Context ctx, int status, SignedIn who, Form form, CreatedKey created,
      Map<String, List<String>> errors, String done) {
    var now = clock.instant();
    List<Row> rows = keys.list(who.user().organizationId()).stream()
        .map(k -> new Row(k, k.revoked() != null ? "Revoked" : k.isActiveAt(now) ? "Active" : "Expired",
            Shown.time(k.created(), ""), Shown.time(k.lastUsed(), "Never"), Shown.day(k.expires(), "Never")))
        .toList();
    Map<String, Object> model = new HashMap<>();
    model.put("who", who);
    model.put("keys", rows);
    model.put("form", form);
    model.put("created", created);
    model.put("errors", errors);
    model.put("done", done);
    page.render(ctx, status, "dashboard/keys.jte", model);
  }

  private ApiKey owned(SignedIn who, String id) {
    UUID keyId;
    try {
      keyId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFound("API key");
    }
    return keys.list(who.user().organizationId()).stream().filter(k -> k.id().equals(keyId)).findFirst()
        .orElseThrow(() -> new NotFound("API key"));
  }
}
