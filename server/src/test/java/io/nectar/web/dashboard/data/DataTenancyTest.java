package io.nectar.web.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import io.nectar.http.HttpServer;
import io.nectar.keys.Environment;
import io.nectar.testing.Response;
import io.nectar.users.NewSession;
import io.nectar.web.dashboard.core.DashboardClient;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every dashboard route the server has (the data pages' and the dashboard core's, read from the router
 * itself, so a new route joins the sweep by existing): a person of organization A asking with
 * organization B's ids gets 404 and never B's data, nor B's data changed; a person looking at
 * Production asking with Sandbox ids gets 404 likewise. Routes without ids must show only the
 * caller's own data.
 */
class DataTenancyTest {
  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
  /** Path parameters that are not ids of tenant data: a one-time link's token (its own secret), an asset's name. */
  private static final Set<String> NOT_TENANT_IDS = Set.of("token", "name");

  static DataWorld world;
  static Map<String, UUID> idsOfB = new LinkedHashMap<>();
  static Map<String, UUID> sandboxIdsOfA = new LinkedHashMap<>();
  static UUID userOfB;
  static UUID keyOfB;

  @BeforeAll
  static void start() {
    world = DataWorld.start();
    collect(idsOfB, world.companyB, world.keyB.key());
    collect(sandboxIdsOfA, world.companyA, world.keyA.key());
    keyOfB = world.keyB.keyId();
    userOfB = world.session("Org B", "bea@b.example").session().user().id();
  }

  /** One object of each kind of the sandbox company {@code c}, made through the API where the world has none. */
  private static void collect(Map<String, UUID> ids, io.nectar.testing.SandboxCompany c, String key) {
    UUID company = UUID.fromString(c.companyId());
    ids.put("companyId", company);
    ids.put("siteId", UUID.fromString(c.siteId()));
    ids.put("connectionId", UUID.fromString(c.connectionId()));
    ids.put("meterId", world.one("select id from meter where company_id = ? limit 1", company));
    ids.put("documentId", world.one("select id from document where company_id = ? limit 1", company));
    ids.put("accountId", world.one("select id from account where company_id = ? limit 1", company));
    String boundary = "----sweep-boundary";
    byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"bill.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--" + boundary + "--\r\n").getBytes();
    Response job = world.server.sendBytes("POST", "/v2.2/job/company/" + company, key,
        "multipart/form-data; boundary=" + boundary, body, Map.of());
    assertThat(job.status()).as(job.toString()).isIn(200, 201);
    ids.put("jobId", UUID.fromString(job.json().get("id").asText()));
    Response invitation = world.server.postJson("/v2.2/invitation/company/" + company, key, "{}");
    assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);
    ids.put("invitationId", UUID.fromString(invitation.json().get("id").asText()));
  }

  @AfterAll
  static void stop() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void organizationAsPeopleReachNothingOfOrganizationBOnAnyRoute() {
    DashboardClient ann = world.signIn("Org A", "ann@a.example", Environment.SANDBOX);
    List<String> checked = new ArrayList<>();
    for (Route route : dashboardRoutes()) {
      Map<String, UUID> substitutes = new LinkedHashMap<>(idsOfB);
      substitutes.put("id", route.path().contains("/keys/") ? keyOfB : userOfB);
      if (!route.hasTenantIds()) {
        if (route.method() == HandlerType.GET) {
          Response page = ann.get(route.path());
          assertThat(page.status()).as(route.toString()).isIn(200, 303);
          assertShowsNothingOf(page, "Bravo Steel", idsOfB, route);
          checked.add(route.toString());
        }
        continue;
      }
      Response answer = send(ann, route, route.fill(substitutes));
      assertThat(answer.status()).as(route + " with B's ids\n" + answer.body()).isEqualTo(404);
      assertShowsNothingOf(answer, "Bravo Steel", idsOfB, route);
      checked.add(route.toString());
    }
    assertThat(checked).as("the sweep must have found the data pages").anyMatch(r -> r.contains("/dashboard/meters/"))
        .anyMatch(r -> r.startsWith("POST /dashboard/accounts/")).anyMatch(r -> r.contains("/settings/keys/"));

    // Nothing of B's changed: its account still tracked, its invitation open, its key alive, its person there,
    // no upload job of A's on B's company.
    assertThat(trackingOf(idsOfB.get("accountId"))).isNotEqualTo("DISABLED");
    assertThat(world.server.get("/v2.2/invitation/" + idsOfB.get("invitationId"), world.keyB.key()).json()
        .get("status").asText()).isEqualTo("ACTIVE");
    assertThat(world.server.get("/v2.2/ping", world.keyB.key()).status()).isEqualTo(200);
    assertThat(world.server.server().users().anyUser()).isTrue();
    assertThat(world.ids("select id from upload_job where company_id = ?", idsOfB.get("companyId")))
        .containsExactly(idsOfB.get("jobId"));
  }

  @Test
  void aProductionSessionReachesNoSandboxDataOnAnyRoute() {
    DashboardClient ann = world.signIn("Org A", "ann.prod@a.example", Environment.PRODUCTION);
    int checked = 0;
    for (Route route : dashboardRoutes()) {
      if (!route.hasTenantIds()) {
        if (route.method() == HandlerType.GET) {
          Response page = ann.get(route.path());
          assertThat(page.status()).as(route.toString()).isIn(200, 303);
          assertShowsNothingOf(page, "Alpha Foods", sandboxIdsOfA, route);
        }
        continue;
      }
      if (route.path().contains("/settings/")) {
        continue; // keys and people belong to the organization, not to an environment
      }
      Response answer = send(ann, route, route.fill(sandboxIdsOfA));
      assertThat(answer.status()).as(route + " with Sandbox ids from Production\n" + answer.body()).isEqualTo(404);
      assertShowsNothingOf(answer, "Alpha Foods", sandboxIdsOfA, route);
      checked++;
    }
    assertThat(checked).isGreaterThan(15);
    assertThat(trackingOf(sandboxIdsOfA.get("accountId"))).isNotEqualTo("DISABLED");
  }

  private static String trackingOf(UUID account) {
    return world.server.server().database().jdbi().withHandle(h -> h.createQuery(
        "select tracking_status from account where id = :id").bind("id", account).mapTo(String.class).one());
  }

  private static Response send(DashboardClient client, Route route, String path) {
    if (route.method() == HandlerType.GET) {
      return client.get(path);
    }
    client.get("/dashboard"); // a page of the caller's own, for its form token
    Map<String, String> form = new LinkedHashMap<>();
    form.put("tracked", "false");
    form.put("meters", "on");
    form.put("emails", "x@a.example");
    return client.postWithToken(path, form);
  }

  private static void assertShowsNothingOf(Response answer, String name, Map<String, UUID> ids, Route route) {
    String body = answer.body() == null ? "" : answer.body();
    assertThat(body).as(route.toString()).doesNotContain(name);
    for (Map.Entry<String, UUID> id : ids.entrySet()) {
      // The id asked for may be echoed in the address; no other of B's ids may appear.
      if (!route.path().contains("{" + id.getKey() + "}")) {
        assertThat(body).as(route + " shows " + id.getKey()).doesNotContain(id.getValue().toString());
      }
    }
  }

  /** A route of the router: its method and path pattern. */
  record Route(HandlerType method, String path) {
    boolean hasTenantIds() {
      Matcher m = PARAMETER.matcher(path);
      while (m.find()) {
        if (!NOT_TENANT_IDS.contains(m.group(1))) {
          return true;
        }
      }
      return false;
    }

    boolean skipped() {
      Matcher m = PARAMETER.matcher(path);
      while (m.find()) {
        if (NOT_TENANT_IDS.contains(m.group(1))) {
          return true;
        }
      }
      return false;
    }

    String fill(Map<String, UUID> ids) {
      Matcher m = PARAMETER.matcher(path);
      StringBuilder filled = new StringBuilder();
      while (m.find()) {
        UUID id = ids.get(m.group(1));
        if (id == null) {
          throw new AssertionError("The sweep does not know the path parameter {" + m.group(1) + "} of " + this
              + ": give it an id of the other tenant here.");
        }
        m.appendReplacement(filled, id.toString());
      }
      return m.appendTail(filled).toString();
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Every GET and POST route under /dashboard, as the running server's router holds them. */
  private static List<Route> dashboardRoutes() {
    try {
      Field http = world.server.server().getClass().getDeclaredField("http");
      http.setAccessible(true);
      Field javalin = HttpServer.class.getDeclaredField("javalin");
      javalin.setAccessible(true);
      Javalin app = (Javalin) javalin.get(http.get(world.server.server()));
      List<Route> routes = new ArrayList<>();
      for (ParsedEndpoint endpoint : app.unsafe.internalRouter.allHttpHandlers()) {
        String path = endpoint.endpoint.path;
        HandlerType method = endpoint.endpoint.method;
        Route route = new Route(method, path);
        if ((path.equals("/dashboard") || path.startsWith("/dashboard/"))
            && (method == HandlerType.GET || method == HandlerType.POST) && !route.skipped()) {
          routes.add(route);
        }
      }
      assertThat(routes).hasSizeGreaterThan(30);
      return routes;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
