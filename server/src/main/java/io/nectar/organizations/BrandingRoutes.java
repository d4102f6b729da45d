package io.nectar.organizations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.nectar.http.Api;
import io.nectar.http.Fields;
import io.nectar.http.Json;
import io.nectar.keys.Branding;
import io.nectar.keys.BrandingChange;
import io.nectar.keys.BrandingRules;
import io.nectar.keys.KeyService;
import java.util.List;

/**
 * The white label of the caller's organization (an extension, under every version prefix):
 * {@code GET /organization/branding} and {@code PATCH /organization/branding}. Branding is per
 * organization, so a key of either environment reads and changes the same settings. The rules and
 * the storage live with the organizations in {@code keys}; this package holds only the HTTP side,
 * because {@code http} already builds on {@code keys} and routes there would close a cycle.
 *
 * <pre>curl -X PATCH -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
 *      -d '{"colour": "#0a7d43", "frameAncestors": ["https://app.example.com"]}' \
 *      http://localhost:8080/v2.2/organization/branding</pre>
 */
public final class BrandingRoutes {
  private final KeyService keys;

  public BrandingRoutes(KeyService keys) {
    this.keys = keys;
  }

  public void register(Api api) {
    api.get("/organization/branding", ctx -> Json.respond(ctx, 200,
        render(keys.branding(Api.caller(ctx).organizationId()))));
    api.patch("/organization/branding", ctx -> {
      BrandingChange change = read(Api.fields(ctx));
      Json.respond(ctx, 200, render(keys.changeBranding(Api.caller(ctx).organizationId(), change)));
    });
  }

  static ObjectNode render(Branding branding) {
    ObjectNode json = Json.object();
    json.put("name", branding.name());
    json.put("colour", branding.colour());
    json.put("logoUrl", branding.logoUrl());
    json.set("frameAncestors", Json.strings(branding.frameAncestors()));
    return json;
  }

  /** The body as a change: an absent field is kept, {@code null} resets it, a value sets it. */
  private static BrandingChange read(Fields fields) {
    BrandingChange.Setting<String> name = text(fields, "name", BrandingRules.MAX_NAME);
    if (name.action() == BrandingChange.Action.SET) {
      BrandingRules.nameProblem(name.value()).ifPresent(p -> fields.reject("name", p));
    }
    BrandingChange.Setting<String> colour = text(fields, "colour", 7);
    if (colour.action() == BrandingChange.Action.SET) {
      BrandingRules.colourProblem(colour.value()).ifPresent(p -> fields.reject("colour", p));
    }
    BrandingChange.Setting<String> logo = text(fields, "logoUrl", BrandingRules.MAX_LOGO_URL);
    if (logo.action() == BrandingChange.Action.SET) {
      BrandingRules.logoUrlProblem(logo.value()).ifPresent(p -> fields.reject("logoUrl", p));
    }
    BrandingChange.Setting<List<String>> ancestors = BrandingChange.Setting.keep();
    if (fields.isNull("frameAncestors")) {
      ancestors = BrandingChange.Setting.reset();
    } else if (fields.has("frameAncestors")) {
      // Items are trimmed (as every list item is), then held to the source grammar; only the checked,
      // trimmed value is stored and sent.
      List<String> sources = fields.textList("frameAncestors", BrandingRules.MAX_FRAME_ANCESTORS, 200);
      if (sources != null) {
        BrandingRules.frameAncestorsProblem(sources).ifPresent(p -> fields.reject("frameAncestors", p));
        sources.forEach(s -> BrandingRules.frameAncestorProblem(s).ifPresent(p -> fields.reject("frameAncestors", p)));
        ancestors = BrandingChange.Setting.set(sources);
      }
    }
    fields.finish();
    return new BrandingChange(name, colour, logo, ancestors);
  }

  /**
   * A text field taken exactly as sent (not trimmed, so that a control character at either end is
   * refused rather than dropped): absent keeps, null resets; blank is refused, not taken for a reset.
   */
  private static BrandingChange.Setting<String> text(Fields fields, String field, int maxLength) {
    if (fields.isNull(field)) {
      return BrandingChange.Setting.reset();
    }
    if (!fields.has(field)) {
      return BrandingChange.Setting.keep();
    }
    String value = fields.exactText(field, maxLength);
    return value == null ? BrandingChange.Setting.keep() : BrandingChange.Setting.set(value);
  }
}
