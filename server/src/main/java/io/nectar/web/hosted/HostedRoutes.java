package io.nectar.web.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nectar.hosted.HostedFlow;
import io.nectar.hosted.HostedSession;
import io.nectar.hosted.Opening;
import io.nectar.hosted.Visit;
import io.nectar.http.Api;
import io.nectar.http.ApiError;
import io.nectar.http.ClientAddress;
import io.nectar.http.FileForm;
import io.nectar.http.Json;
import io.nectar.http.RequestBody;
import io.nectar.jobs.Job;
import io.nectar.jobs.JobService;
import io.nectar.keys.Branding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hosted connection pages under {@code /p/} (nectar-api.md §11): an invitation
 * ({@code /p/i/{token}}) or legacy magic link ({@code /p/connect/…}) opens a visit, and the visit's
 * pages live at {@code /p/s/{visit token}}. The visit is carried in the address, not in a cookie:
 * browsers increasingly drop cookies inside another site's iframe, and these pages are made to be
 * embedded. Every form carries an anti-forgery token; every page says which sites may frame it
 * (the organization's setting) and loads nothing from elsewhere but the organization's logo.
 */
public final class HostedRoutes {
  private static final long MAX_FORM_BYTES = 16 * 1024;
  /** One bill per request from the page's script; several when a browser without script sends the form. */
  private static final long MAX_UPLOAD_BYTES = JobService.MAX_FILE_BYTES * 2 + 64 * 1024;
  private static final int MAX_FILES_PER_FORM = 10;
  private static final int MAX_POLLED_JOBS = 50;

  private final HostedFlow flow;
  private final FormTokens forms;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final SecureRandom random = new SecureRandom();
  private final byte[] stylesheet = resource("/web/hosted/hosted.css");
  private final byte[] script = resource("/web/hosted/hosted.js");

  public HostedRoutes(HostedFlow flow, byte[] serverSecret) {
    this.flow = flow;
    this.forms = new FormTokens(serverSecret);
  }

  public void register(RoutesConfig routes) {
    routes.get("/p/i/{token}", ctx -> open(ctx, flow.entry().openInvitation(ctx.pathParam("token"),
        ctx.queryParam("email"), ctx.queryParam("proof"))));
    routes.get("/p/connect/{publicCompanyId}/{secret}", ctx -> open(ctx,
        flow.entry().openCompanyLink(ctx.pathParam("publicCompanyId"), ctx.pathParam("secret"))));
    routes.get("/p/connect/{publicCompanyId}/workflow/{secret}", ctx -> open(ctx,
        flow.entry().openConnectionLink(ctx.pathParam("publicCompanyId"), ctx.pathParam("secret"))));
    routes.get("/p/s/{visit}", this::show);
    routes.post("/p/s/{visit}/email", ctx -> act(ctx, (s, form) ->
        flow.submitEmail(s, text(form, "email"), ClientAddress.of(ctx))));
    routes.post("/p/s/{visit}/email/code", ctx -> act(ctx, (s, form) -> flow.submitCode(s, text(form, "code"))));
    routes.post("/p/s/{visit}/email/restart", ctx -> act(ctx, (s, form) -> {
      flow.restartEmail(s);
      return Optional.empty();
    }));
    routes.post("/p/s/{visit}/connect", ctx -> act(ctx, (s, form) -> flow.connect(s,
        new HostedFlow.LoginForm(text(form, "url"), text(form, "username"), exact(form, "password"),
            sites(form), text(form, "country")), ClientAddress.of(ctx))));
    routes.post("/p/s/{visit}/reconnect", ctx -> act(ctx, (s, form) ->
        flow.reconnect(s, text(form, "username"), exact(form, "password"), ClientAddress.of(ctx))));
    routes.post("/p/s/{visit}/mfa", ctx -> act(ctx, (s, form) -> flow.answerMfa(s, text(form, "code"), ClientAddress.of(ctx))));
    routes.post("/p/s/{visit}/upload", this::upload);
    routes.get("/p/s/{visit}/jobs", this::jobs);
    routes.get("/p/assets/hosted.css", ctx -> asset(ctx, "text/css; charset=utf-8", stylesheet));
    routes.get("/p/assets/hosted.js", ctx -> asset(ctx, "text/javascript; charset=utf-8", script));
  }

  private void open(Context ctx, Opening opening) {
    if (opening.sessionToken().isPresent()) {
      secure(ctx, opening.branding(), null);
      ctx.redirect("/p/s/" + opening.sessionToken().get(), io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    int status = opening.closed() == Opening.Closed.UNKNOWN ? 404 : 410;
    render(ctx, status, new HostedPage(null, opening.closed(), opening.branding(), null, null, nonce(), List.of()),
        opening.branding());
  }

  private void show(Context ctx) {
    Optional<HostedSession> session = visit(ctx);
    if (session.isEmpty()) {
      return;
    }
    HostedFlow.VisitQuery query = new HostedFlow.VisitQuery(ctx.queryParam("utility"), ctx.queryParam("q"),
        ctx.queryParam("upload") != null, ctx.queryParam("another") != null);
    List<String> jobs = ctx.queryParams("job").stream().limit(MAX_POLLED_JOBS).toList();
    page(ctx, 200, flow.visit(session.get(), query, null), jobs);
  }

  /** An action of a form: its token checked, then the flow's answer shown (a notice) or the next step. */
  private void act(Context ctx, Action action) {
    Optional<HostedSession> session = visit(ctx);
    if (session.isEmpty()) {
      return;
    }
    JsonNode form;
    try {
      form = RequestBody.of(ctx, MAX_FORM_BYTES).fields();
    } catch (ApiError e) {
      unreadable(ctx, session.get(), e);
      return;
    }
    if (!forms.verify(session.get().id(), text(form, FormTokens.FIELD))) {
      forbidden(ctx);
      return;
    }
    Optional<String> notice = action.run(session.get(), form);
    if (notice.isPresent()) {
      HostedSession now = flow.entry().session(ctx.pathParam("visit")).orElse(session.get());
      HostedFlow.VisitQuery query = new HostedFlow.VisitQuery(text(form, "url"), null, false,
          form.has("url"));
      page(ctx, 200, flow.visit(now, query, notice.get()), List.of());
    } else {
      ctx.redirect("/p/s/" + ctx.pathParam("visit"), io.javalin.http.HttpStatus.SEE_OTHER);
    }
  }

  private void upload(Context ctx) {
    Optional<HostedSession> session = visit(ctx);
    if (session.isEmpty()) {
      return;
    }
    FileForm form;
    try {
      form = FileForm.of(ctx, MAX_UPLOAD_BYTES);
    } catch (ApiError e) {
      unreadable(ctx, session.get(), e);
      return;
    }
    List<String> token = form.fields().getOrDefault(FormTokens.FIELD, List.of());
    if (token.size() != 1 || !forms.verify(session.get().id(), token.get(0))) {
      forbidden(ctx);
      return;
    }
    List<HostedFlow.NamedFile> files = new ArrayList<>();
    for (FileForm.FilePart part : form.files().getOrDefault("document", List.of())) {
      if (part.bytes().length > 0) {
        files.add(new HostedFlow.NamedFile(part.fileName(), part.bytes()));
      }
    }
    boolean wantsJson = String.valueOf(ctx.header("Accept")).contains("application/json");
    String tooMany = files.size() > MAX_FILES_PER_FORM ? "Send at most " + MAX_FILES_PER_FORM + " bills at once." : null;
    boolean tooLarge = files.stream().anyMatch(f -> f.bytes().length > JobService.MAX_FILE_BYTES);
    HostedFlow.Uploaded uploaded = tooMany != null || tooLarge
        ? new HostedFlow.Uploaded(List.of(), tooMany != null ? tooMany : "Each bill may be at most 25 MB.")
        : flow.upload(session.get(), files, ClientAddress.of(ctx));
    // A bill over the size limit is a 413 whichever way the page sent it; other refusals are a 400 to the
    // script and a notice on the page.
    boolean sizeRefused = tooLarge && tooMany == null;
    if (wantsJson) {
      ObjectNode body = Json.object();
      if (uploaded.notice() != null) {
        body.put("detail", uploaded.notice());
      }
      ArrayNode jobs = body.putArray("jobs");
      uploaded.jobs().forEach(job -> jobs.addObject().put("id", job.id().toString()));
      secure(ctx, null, null);
      Json.respond(ctx, uploaded.notice() == null ? 201 : sizeRefused ? 413 : 400, body);
      return;
    }
    if (uploaded.notice() != null) {
      page(ctx, sizeRefused ? 413 : 200, flow.visit(session.get(), new HostedFlow.VisitQuery(null, null, true, false), uploaded.notice()),
          List.of());
      return;
    }
    StringBuilder next = new StringBuilder("/p/s/" + ctx.pathParam("visit") + "?upload=1");
    uploaded.jobs().forEach(job -> next.append("&job=").append(job.id()));
    ctx.redirect(next.toString(), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** The progress of the visit's uploads, for the upload page's script: {@code ?id=…&id=…}. */
  private void jobs(Context ctx) {
    Optional<HostedSession> session = visit(ctx);
    if (session.isEmpty()) {
      return;
    }
    List<UUID> ids = ctx.queryParams("id").stream().limit(MAX_POLLED_JOBS).map(Api::uuid)
        .flatMap(Optional::stream).toList();
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray("jobs");
    for (Job job : flow.jobs(session.get(), ids)) {
      list.addObject().put("id", job.id().toString()).put("status", job.status().name())
          .put("terminationReason", job.terminationReason());
    }
    secure(ctx, null, null);
    Json.respond(ctx, 200, body);
  }

  private void page(Context ctx, int status, Visit visit, List<String> jobs) {
    String base = "/p/s/" + ctx.pathParam("visit");
    render(ctx, status, new HostedPage(visit, null, visit.branding(), base, forms.tokenFor(visit.session().id()),
        nonce(), jobs), visit.branding());
  }

  /**
   * A form body that could not be read (too large, malformed): the page again with its status and a
   * notice, rather than the API's JSON, which a visitor cannot act on.
   */
  private void unreadable(Context ctx, HostedSession session, ApiError e) {
    String notice = e.status() == 413
        ? "What you sent is too large for this page. Bills may be at most 25 MB each; other fields are short."
        : "What you sent could not be read. Reload the page and try again.";
    if (String.valueOf(ctx.header("Accept")).contains("application/json")) {
      // The upload page's script shows the detail next to the file.
      ObjectNode body = Json.object().put("detail", notice);
      body.putArray("jobs");
      secure(ctx, null, null);
      Json.respond(ctx, e.status(), body);
      return;
    }
    page(ctx, e.status(), flow.visit(session, HostedFlow.VisitQuery.DEFAULT, notice), List.of());
  }

  /** The visit the address names; when none is live, the "link not valid" page is already answered. */
  private Optional<HostedSession> visit(Context ctx) {
    Optional<HostedSession> session = flow.entry().session(ctx.pathParam("visit"));
    if (session.isEmpty()) {
      expired(ctx);
    }
    return session;
  }

  private void expired(Context ctx) {
    render(ctx, 404, new HostedPage(null, Opening.Closed.UNKNOWN, null, null, null, nonce(), List.of()), null);
  }

  private void forbidden(Context ctx) {
    ctx.status(403);
    secure(ctx, null, null);
    ctx.contentType("text/plain; charset=utf-8").result("This form was not sent from its page. Reload the page and "
        + "try again.");
  }

  private void render(Context ctx, int status, HostedPage page, Branding branding) {
    StringOutput html = new StringOutput();
    templates.render("hosted/page.jte", page, html);
    secure(ctx, branding, page.nonce());
    byte[] body = html.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    // Without this the server's JSON page for the status (a 404) would replace this one.
    Json.written(ctx, body);
    ctx.status(status).contentType("text/html; charset=utf-8").result(body);
  }

  /**
   * Headers of every hosted response: no caching (the address holds a visit), no referrer (likewise),
   * and framing only by the sites the organization allows.
   */
  private static void secure(Context ctx, Branding branding, String styleNonce) {
    // A page for no known organization (an unknown link) shows nothing worth framing away.
    String framing = branding == null ? "frame-ancestors " + String.join(" ", Branding.DEFAULT_FRAME_ANCESTORS)
        : branding.frameAncestorsDirective();
    ctx.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'self'"
            + (styleNonce == null ? "" : " 'nonce-" + styleNonce + "'") + "; script-src 'self'; img-src 'self' https:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; " + framing);
  }

  private static void asset(Context ctx, String type, byte[] content) {
    ctx.header("Cache-Control", "public, max-age=3600").header("X-Content-Type-Options", "nosniff")
        .contentType(type).result(content);
  }

  private String nonce() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @FunctionalInterface
  private interface Action {
    Optional<String> run(HostedSession session, JsonNode form);
  }

  /** A form field trimmed; null when absent or not a single value. */
  private static String text(JsonNode form, String name) {
    JsonNode value = form.get(name);
    return value != null && value.isTextual() ? value.asText().trim() : null;
  }

  /** A password: exactly as typed, spaces included. */
  private static String exact(JsonNode form, String name) {
    JsonNode value = form.get(name);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static List<UUID> sites(JsonNode form) {
    JsonNode value = form.get("sites");
    List<UUID> ids = new ArrayList<>();
    if (value != null && value.isTextual()) {
      Api.uuid(value.asText()).ifPresent(ids::add);
    } else if (value != null && value.isArray()) {
      value.forEach(v -> Api.uuid(v.asText()).ifPresent(ids::add));
    }
    return ids;
  }

  private static byte[] resource(String path) {
    try (InputStream in = HostedRoutes.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
