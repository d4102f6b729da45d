package io.nectar.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.http.Json;
import io.nectar.testing.Response;
import io.nectar.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET} and {@code PATCH /organization/branding} on every version prefix: defaults, partial
 * changes, resets, refusals of anything that could reach a CSP header or a page unchecked, and one
 * organization's change never touching another's.
 */
class BrandingApiTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode get(String prefix, TestServer.Tenant tenant) {
    Response response = server.get(prefix + "/organization/branding", tenant.key());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static Response patch(String prefix, TestServer.Tenant tenant, String body) {
    return server.patchJson(prefix + "/organization/branding", tenant.key(), body);
  }

  private static JsonNode expected(String name, String colour, String logoUrl, List<String> frameAncestors) {
    var json = Json.object().put("name", name).put("colour", colour).put("logoUrl", logoUrl);
    json.set("frameAncestors", Json.strings(frameAncestors));
    return json;
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void anOrganizationThatNeverSetItsBrandingGetsTheDefaults(String prefix) {
    TestServer.Tenant tenant = server.tenant("Defaults " + prefix, Environment.SANDBOX);

    assertThat(get(prefix, tenant)).isEqualTo(expected("Defaults " + prefix, "#1f6feb", null, List.of("*")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void aPatchChangesTheGivenFieldsKeepsTheOthersAndNullResetsOne(String prefix) {
    TestServer.Tenant tenant = server.tenant("Patched " + prefix, Environment.PRODUCTION);

    Response first = patch(prefix, tenant, """
        {"name": "  Acme Énergie  ", "colour": "#0A7D43", "logoUrl": "https://cdn.example.com/acme.png",
         "frameAncestors": ["https://App.Example.com", "https://*.example.org:8443", "'self'", "https://app.example.com"]}""");
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    JsonNode set = expected("Acme Énergie", "#0a7d43", "https://cdn.example.com/acme.png",
        List.of("https://app.example.com", "https://*.example.org:8443", "'self'"));
    assertThat(first.json()).isEqualTo(set);
    assertThat(get(prefix, tenant)).isEqualTo(set);

    Response colourOnly = patch(prefix, tenant, "{\"colour\": \"#ffffff\"}");
    assertThat(colourOnly.status()).isEqualTo(200);
    assertThat(colourOnly.json()).isEqualTo(expected("Acme Énergie", "#ffffff", "https://cdn.example.com/acme.png",
        List.of("https://app.example.com", "https://*.example.org:8443", "'self'")));

    Response reset = patch(prefix, tenant, "{\"name\": null, \"logoUrl\": null, \"frameAncestors\": null}");
    assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
    assertThat(reset.json()).isEqualTo(expected("Patched " + prefix, "#ffffff", null, List.of("*")));

    Response none = patch(prefix, tenant, "{\"frameAncestors\": [], \"colour\": null}");
    assertThat(none.json()).isEqualTo(expected("Patched " + prefix, "#1f6feb", null, List.of()));
    assertThat(patch(prefix, tenant, "{}").json()).isEqualTo(none.json());
  }

  @Test
  void brandingIsPerOrganizationAndAnotherOrganizationsPatchNeverChangesIt() {
    TestServer.Tenant sandbox = server.tenant("Tenant One", Environment.SANDBOX);
    TestServer.Tenant production = server.tenant("Tenant One", Environment.PRODUCTION);
    TestServer.Tenant other = server.tenant("Tenant Two", Environment.SANDBOX);

    assertThat(patch("/v2.2", sandbox, "{\"colour\": \"#123456\", \"frameAncestors\": [\"https://one.example\"]}")
        .status()).isEqualTo(200);
    assertThat(patch("/v2", other, "{\"colour\": \"#654321\", \"name\": \"Two\"}").status()).isEqualTo(200);

    // The organization's two environments share it; the other organization has its own.
    assertThat(get("/v2.1", production)).isEqualTo(expected("Tenant One", "#123456", null,
        List.of("https://one.example")));
    assertThat(get("/v2.2", other)).isEqualTo(expected("Two", "#654321", null, List.of("*")));
    assertThat(server.server().keys().branding(sandbox.organizationId()).colour()).isEqualTo("#123456");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"name\": 5}", "{\"name\": \"\"}", "{\"name\": \"   \"}", "{\"name\": \"bell\\u0007\"}",
      "{\"name\": \"rtl\\u202eevil\"}", "{\"name\": \"line\\nbreak\"}", "{\"name\": [\"x\"]}",
      "{\"name\": \"trailing bell\u0007\"}", "{\"name\": \"\\u0000\"}", "{\"colour\": \"#123456\\n\"}",
      "{\"colour\": true}", "{\"colour\": \"red\"}", "{\"colour\": \"#12345\"}", "{\"colour\": \"#1234567\"}",
      "{\"colour\": \"#12345g\"}", "{\"colour\": \"#123456;\"}", "{\"colour\": \"\"}",
      "{\"logoUrl\": []}", "{\"logoUrl\": \"http://cdn.example.com/a.png\"}", "{\"logoUrl\": \"javascript:alert(1)\"}",
      "{\"logoUrl\": \"//cdn.example.com/a.png\"}", "{\"logoUrl\": \"https://cdn.example.com/\\\"onload=x\"}",
      "{\"logoUrl\": \"https://cdn.example.com/<script>\"}", "{\"logoUrl\": \"https://u:p@cdn.example.com/a.png\"}",
      "{\"logoUrl\": \"\"}",
      "{\"frameAncestors\": \"https://a.example\"}", "{\"frameAncestors\": {\"a\": 1}}", "{\"frameAncestors\": [1]}",
      "{\"frameAncestors\": [\"https://a.example; script-src *\"]}",
      "{\"frameAncestors\": [\"https://a.example, https://b.example\"]}",
      "{\"frameAncestors\": [\"https://a.example\\r\\nSet-Cookie: x=1\"]}",
      "{\"frameAncestors\": [\"'unsafe-inline'\"]}", "{\"frameAncestors\": [\"https://a.example/path\"]}",
      "{\"frameAncestors\": [\"http://a.example\"]}", "{\"frameAncestors\": [\"'none'\", \"https://a.example\"]}",
      "{\"frameAncestors\": [\"data:\"]}", "{\"frameAncestors\": [\"https://a.example'\"]}",
      "{\"frameAncestors\": [\"https://a.example:99999\"]}", "{\"frameAncestors\": [null]}",
      "{\"frameAncestors\": [\"\"]}",
      "{\"color\": \"#123456\"}", "{\"organizationId\": \"00000000-0000-0000-0000-000000000000\"}",
      "[\"#123456\"]", "\"x\"", "{\"name\": \"ok\""})
  void badInputIsRefusedWith400AndChangesNothing(String body) {
    TestServer.Tenant tenant = server.tenant("Refusing", Environment.SANDBOX);
    JsonNode before = get("/v2.2", tenant);

    for (String prefix : List.of("/v2", "/v2.1", "/v2.2")) {
      Response refused = patch(prefix, tenant, body);
      assertThat(refused.status()).as("%s %s", prefix, refused).isEqualTo(400);
      assertThat(refused.detail()).as(refused.toString()).isNotBlank();
    }
    assertThat(get("/v2.2", tenant)).isEqualTo(before);
  }

  @Test
  void aSourceIsStoredAndSentOnlyAsItsCheckedTrimmedSelf() {
    TestServer.Tenant tenant = server.tenant("Trimmed", Environment.SANDBOX);

    Response patched = patch("/v2.2", tenant, "{\"frameAncestors\": [\"  https://a.example\\r\\n\"]}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(server.server().keys().branding(tenant.organizationId()).frameAncestorsDirective())
        .isEqualTo("frame-ancestors https://a.example");
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    TestServer.Tenant tenant = server.tenant("Many Problems", Environment.SANDBOX);

    Response refused = patch("/v2.2", tenant, """
        {"name": "", "colour": "blue", "logoUrl": "ftp://x", "frameAncestors": ["*", "https://a.example;"], "color": 1}""");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(Json.MAPPER.convertValue(refused.json().get("errors"), Map.class).keySet())
        .containsExactly("name", "colour", "logoUrl", "frameAncestors", "color");
  }

  @Test
  void withoutAKeyNothingIsShownOrChanged() {
    assertThat(server.get("/v2.2/organization/branding", null).status()).isEqualTo(401);
    assertThat(server.patchJson("/v2.2/organization/branding", null, "{\"colour\": \"#000000\"}").status())
        .isEqualTo(401);
  }
}
