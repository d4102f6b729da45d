package io.nectar.web.dashboard;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.nectar.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a dashboard page (a precompiled jte template under {@code src/main/jte/}) with the headers
 * every dashboard answer carries: never framed ({@code X-Frame-Options: DENY} and CSP
 * {@code frame-ancestors 'none'}), scripts and styles from this server only (an inline one needs the
 * page's nonce, in the model as {@code nonce}), never cached (pages show private data and secrets
 * shown once), no MIME sniffing, no referrer beyond this server.
 */
public final class DashboardPage {
  public static final String NONCE = "nonce";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Renders {@code template} (e.g. {@code "dashboard/overview.jte"}) with {@code model} as a 200. */
  public void render(Context ctx, String template, Map<String, Object> model) {
    render(ctx, 200, template, model);
  }

  /** As {@link #render(Context, String, Map)}, with another status (a form shown again with its errors: 400). */
  public void render(Context ctx, int status, String template, Map<String, Object> model) {
    Map<String, Object> values = new HashMap<>(model);
    String nonce = (String) values.computeIfAbsent(NONCE, k -> nonce());
    StringOutput html = new StringOutput();
    templates.render(template, values, html);
    secure(ctx, nonce);
    byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
    // Without this the server's JSON page for the status (a 404, a 400) would replace this one.
    Json.written(ctx, body);
    ctx.status(status).contentType("text/html; charset=utf-8").result(body);
  }

  /** The security headers of every dashboard answer (pages, redirects, refusals). */
  public static void secure(Context ctx, String nonce) {
    String inline = nonce == null ? "" : " 'nonce-" + nonce + "'";
    ctx.header("Cache-Control", "no-store")
        .header("X-Frame-Options", "DENY")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .header("Content-Security-Policy", "default-src 'none'; script-src 'self'" + inline
            + "; style-src 'self'" + inline + "; img-src 'self' https: data:; connect-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  }

  private static String nonce() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
