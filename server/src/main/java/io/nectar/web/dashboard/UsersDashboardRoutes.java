package io.nectar.web.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.nectar.errors.InvalidInput;
import io.nectar.errors.NotFound;
import io.nectar.users.Role;
import io.nectar.users.UserService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Settings > Users: the people of the organization, inviting a colleague (by e-mail when SMTP is
 * configured, else with a link to pass on) and removing one, who is signed out everywhere at once.
 */
public final class UsersDashboardRoutes {
  static final String PATH = "/dashboard/settings/users";

  /** One person as the list shows them. */
  public record Row(UserService.Listed person, String created, boolean isYou) {}

  private final UserService users;
  private final DashboardGate gate;
  private final DashboardPage page;

  UsersDashboardRoutes(UserService users, DashboardGate gate, DashboardPage page) {
    this.users = users;
    this.gate = gate;
    this.page = page;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, ctx -> {
      SignedIn who = gate.requireAdmin(ctx);
      show(ctx, 200, who, null, "", Map.of(), ctx.queryParam("removed") != null
          ? "Removed. They are signed out and their account is gone." : null);
    });
    routes.post(PATH, this::invite);
    routes.get(PATH + "/{id}/remove", ctx -> {
      SignedIn who = gate.requireAdmin(ctx);
      page.render(ctx, "dashboard/user-remove.jte", Map.of("who", who, "person", person(who, ctx.pathParam("id"))));
    });
    routes.post(PATH + "/{id}/remove", ctx -> {
      SignedIn who = gate.requireAdmin(ctx);
      users.remove(who.user(), person(who, ctx.pathParam("id")).user().id());
      DashboardPage.secure(ctx, null);
      ctx.redirect(PATH + "?removed", HttpStatus.SEE_OTHER);
    });
  }

  private void invite(Context ctx) {
    SignedIn who = gate.requireAdmin(ctx);
    Forms form = Forms.of(ctx);
    String email = form.textOrEmpty("email");
    Role role = "ADMIN".equals(form.text("role")) ? Role.ADMIN : Role.MEMBER;
    try {
      UserService.Invited invited = users.invite(who.user(), email, role);
      show(ctx, 201, who, invited, "", Map.of(), null);
    } catch (InvalidInput e) {
      show(ctx, 400, who, null, email, e.errors(), null);
    }
  }

  private void show(Context ctx, int status, SignedIn who, UserService.Invited invited, String email,
      Map<String, List<String>> errors, String done) {
    List<Row> rows = users.users(who.user()).stream()
        .map(p -> new Row(p, Shown.day(p.created(), ""), p.user().id().equals(who.user().id()))).toList();
    Map<String, Object> model = new HashMap<>();
    model.put("who", who);
    model.put("people", rows);
    model.put("invited", invited);
    model.put("email", email);
    model.put("errors", errors);
    model.put("done", done);
    page.render(ctx, status, "dashboard/users.jte", model);
  }

  private UserService.Listed person(SignedIn who, String id) {
    UUID userId;
    try {
      userId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFound("User");
    }
    return users.users(who.user()).stream().filter(p -> p.user().id().equals(userId)).findFirst()
        .orElseThrow(() -> new NotFound("User"));
  }
}
