package io.nectar.web.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.nectar.errors.InvalidInput;
import io.nectar.errors.NotFound;
import io.nectar.http.ErrorPages;
import io.nectar.keys.Environment;
import io.nectar.users.NewSession;
import io.nectar.users.UserService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's own pages: sign-in and sign-out, one-time links, the overview and the environment
 * switch, its assets, and the answers to refusals (sign in first, forged form, not an administrator,
 * errors as pages). Feature pages register themselves the same way, each starting with
 * {@code gate.require(ctx)}.
 */
public final class DashboardRoutes {
  private static final Pattern ASSET = Pattern.compile("[a-z0-9][a-z0-9.-]{0,60}\\.(css|js|svg|png)");
  private static final String GENERIC_REFUSAL = "The e-mail address or the password is not right.";

  private final UserService users;
  private final DashboardGate gate;
  private final DashboardPage page;
  private final Map<String, Optional<byte[]>> assets = new ConcurrentHashMap<>();

  public DashboardRoutes(UserService users, DashboardGate gate, DashboardPage page) {
    this.users = users;
    this.gate = gate;
    this.page = page;
  }

  public void register(RoutesConfig routes) {
    routes.exception(DashboardRefusal.class, (e, ctx) -> refuse(ctx, e.reason()));
    routes.get("/dashboard/assets/{name}", this::asset);
    routes.get("/dashboard/sign-in", this::signInPage);
    routes.post("/dashboard/sign-in", this::signIn);
    routes.post("/dashboard/sign-out", this::signOut);
    routes.get("/dashboard/welcome/{token}", this::welcomePage);
    routes.post("/dashboard/welcome/{token}", this::welcome);
    routes.get("/dashboard", ctx -> page.render(ctx, "dashboard/overview.jte", Map.of("who", gate.require(ctx))));
    routes.post("/dashboard/environment", this::switchEnvironment);
  }

  /** Errors of dashboard paths as pages (for {@link ErrorPages}), with the layout when someone is signed in. */
  public ErrorPages.Renderer errorPages() {
    return (ctx, status, detail, errors) -> {
      SignedIn who = null;
      try {
        who = gate.current(ctx).orElse(null);
      } catch (RuntimeException e) {
        // The error may be the database itself: the page goes without the layout.
      }
      StringBuilder text = new StringBuilder(detail == null ? "" : detail);
      if (!errors.isEmpty()) {
        text.setLength(0);
        errors.forEach((field, messages) -> messages.forEach(m -> text.append(text.length() == 0 ? "" : " ").append(m)));
      }
      error(ctx, who, status, text.toString());
    };
  }

  private void error(Context ctx, SignedIn who, int status, String detail) {
    Map<String, Object> model = new HashMap<>();
    model.put("who", who);
    model.put("status", status);
    model.put("title", title(status));
    model.put("detail", detail);
    page.render(ctx, status, "dashboard/error.jte", model);
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "That cannot be done";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 409 -> "That cannot be done now";
      case 413 -> "Too large";
      case 503 -> "Unavailable for a moment";
      default -> status >= 500 ? "Something went wrong" : "That cannot be done";
    };
  }

  private void refuse(Context ctx, DashboardRefusal.Reason reason) {
    switch (reason) {
      case NOT_SIGNED_IN -> {
        DashboardPage.secure(ctx, null);
        String accept = String.valueOf(ctx.header("Accept"));
        if (accept.contains("application/json") && !accept.contains("text/html")) {
          ctx.status(401).contentType("application/json").result("{\"detail\":\"Sign in to the dashboard first.\"}");
          io.nectar.http.Json.written(ctx, new byte[0]);
          return;
        }
        String next = ctx.method().name().equals("GET")
            ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) : "/dashboard";
        String target = DashboardGate.SIGN_IN_PATH + (Forms.localPage(next).equals("/dashboard") ? ""
            : "?next=" + URLEncoder.encode(Forms.localPage(next), StandardCharsets.UTF_8));
        ctx.redirect(target, HttpStatus.SEE_OTHER);
      }
      case FORGED_FORM -> error(ctx, gate.current(ctx).orElse(null), 403,
          "This form was not sent from its page, or the page is from an earlier session. Go back, reload the "
              + "page and try again.");
      case NOT_ADMIN -> error(ctx, gate.current(ctx).orElse(null), 403,
          "Only an administrator of your organization can use this page.");
    }
  }

  // ---- signing in and out ----

  private void signInPage(Context ctx) {
    if (gate.current(ctx).isPresent()) {
      DashboardPage.secure(ctx, null);
      ctx.redirect(Forms.localPage(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
      return;
    }
    showSignIn(ctx, 200, "", null, Forms.localPage(ctx.queryParam("next")),
        ctx.queryParam("signed-out") != null ? "You are signed out." : null);
  }

  private void showSignIn(Context ctx, int status, String email, String notice, String next, String done) {
    Map<String, Object> model = new HashMap<>();
    model.put("csrf", gate.signInToken(ctx));
    model.put("email", email == null ? "" : email);
    model.put("notice", notice);
    model.put("done", done);
    model.put("next", next);
    page.render(ctx, status, "dashboard/sign-in.jte", model);
  }

  private void signIn(Context ctx) {
    Forms form = Forms.of(ctx);
    String email = form.text("email");
    String next = Forms.localPage(form.text("next"));
    if (!gate.signInFormValid(ctx)) {
      showSignIn(ctx, 403, email, "The sign-in form had expired. Please try again.", next, null);
      return;
    }
    UserService.SignIn result = users.signIn(email, form.exact("password"), ctx.ip());
    switch (result.outcome()) {
      case SIGNED_IN -> {
        gate.startSession(ctx, result.session().orElseThrow());
        DashboardPage.secure(ctx, null);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
      }
      case REFUSED -> showSignIn(ctx, 401, email, GENERIC_REFUSAL, next, null);
      case RATE_LIMITED -> {
        ctx.header("Retry-After", "900");
        showSignIn(ctx, 429, email, "Too many attempts. Wait a quarter of an hour, then try again.", next, null);
      }
    }
  }

  private void signOut(Context ctx) {
    gate.require(ctx);
    gate.endSession(ctx);
    DashboardPage.secure(ctx, null);
    ctx.redirect(DashboardGate.SIGN_IN_PATH + "?signed-out", HttpStatus.SEE_OTHER);
  }

  // ---- one-time links ----

  private void welcomePage(Context ctx) {
    String token = ctx.pathParam("token");
    Optional<UserService.LinkView> link = users.openLink(token);
    if (link.isEmpty()) {
      gone(ctx);
      return;
    }
    showWelcome(ctx, 200, token, link.get(), "", Map.of());
  }

  private void showWelcome(Context ctx, int status, String token, UserService.LinkView link, String email,
      Map<String, List<String>> errors) {
    Map<String, Object> model = new HashMap<>();
    model.put("link", link);
    model.put("action", "/dashboard/welcome/" + token);
    model.put("csrf", gate.linkToken(token));
    model.put("email", email == null ? "" : email);
    model.put("errors", errors);
    page.render(ctx, status, "dashboard/welcome.jte", model);
  }

  private void welcome(Context ctx) {
    String token = ctx.pathParam("token");
    if (!gate.linkFormValid(ctx, token)) {
      throw new DashboardRefusal(DashboardRefusal.Reason.FORGED_FORM);
    }
    Forms form = Forms.of(ctx);
    NewSession session;
    try {
      session = users.useLink(token, form.text("email"), form.exact("password"));
    } catch (InvalidInput e) {
      Optional<UserService.LinkView> link = users.openLink(token);
      if (link.isEmpty()) {
        gone(ctx);
        return;
      }
      showWelcome(ctx, 400, token, link.get(), form.text("email"), e.errors());
      return;
    } catch (NotFound e) {
      gone(ctx);
      return;
    }
    gate.startSession(ctx, session);
    DashboardPage.secure(ctx, null);
    ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
  }

  private void gone(Context ctx) {
    error(ctx, null, 404, "This link is not valid any more: it was used, it expired, or nobody needs it now. "
        + "Ask an administrator for a new one.");
  }

  // ---- the environment and assets ----

  private void switchEnvironment(Context ctx) {
    SignedIn who = gate.require(ctx);
    Forms form = Forms.of(ctx);
    Environment environment = Environment.parse(form.text("environment"))
        .orElseThrow(() -> InvalidInput.field("environment", "Choose Sandbox or Production."));
    gate.session(ctx).ifPresent(s -> users.switchEnvironment(s, environment));
    DashboardPage.secure(ctx, null);
    ctx.redirect(Forms.localPage(form.text("back")), HttpStatus.SEE_OTHER);
  }

  /** Any stylesheet, script or picture in {@code web/dashboard/} (the data pages add their own there). */
  private void asset(Context ctx) {
    String name = ctx.pathParam("name");
    Optional<byte[]> content = ASSET.matcher(name).matches() ? assets.computeIfAbsent(name, DashboardRoutes::load)
        : Optional.empty();
    if (content.isEmpty()) {
      throw new NotFound("Asset");
    }
    String type = name.endsWith(".css") ? "text/css; charset=utf-8"
        : name.endsWith(".js") ? "text/javascript; charset=utf-8"
        : name.endsWith(".svg") ? "image/svg+xml" : "image/png";
    ctx.header("Cache-Control", "public, max-age=3600").header("X-Content-Type-Options", "nosniff")
        .contentType(type).result(content.get());
  }

  private static Optional<byte[]> load(String name) {
    try (InputStream in = DashboardRoutes.class.getResourceAsStream("/web/dashboard/" + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
