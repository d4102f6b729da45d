package io.nectar.web.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.nectar.config.DerivedKey;
import io.nectar.http.FileForm;
import io.nectar.http.RequestBody;
import io.nectar.users.DashboardSession;
import io.nectar.users.NewSession;
import io.nectar.users.UserService;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The door of every dashboard route: {@link #require} finds the signed-in person from the session
 * cookie or sends the browser to the sign-in page, and refuses an unsafe request (POST, PUT, PATCH,
 * DELETE) that does not carry its page's anti-forgery token.
 *
 * <p>The session lives in PostgreSQL (a hash of the cookie's random token), so every server behind a
 * load balancer knows it and signing out ends it everywhere. The anti-forgery token is an HMAC of the
 * session id under a key derived from the server secret: every server computes the same one, nothing
 * is stored, and it changes with each session. The cookie is {@code HttpOnly} (no script reads it),
 * {@code SameSite=Strict} (no other site's page sends it) and, when the public URL is https,
 * {@code Secure} with the {@code __Host-} prefix (no subdomain or plain-http page can set or
 * overwrite it).
 */
public final class DashboardGate {
  public static final String CSRF_FIELD = "_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String SIGN_IN_PATH = "/dashboard/sign-in";
  /** The largest form the gate reads to find the token: a few bills dropped at once. */
  public static final long MAX_UPLOAD_BYTES = 60L * 1024 * 1024;
  static final long MAX_FORM_BYTES = 64 * 1024;
  private static final String PURPOSE = "nectar dashboard forms v1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserService users;
  private final SecretKeySpec formKey;
  private final boolean https;
  private final String sessionCookie;
  private final String signInCookie;

  public DashboardGate(UserService users, byte[] serverSecret, String publicUrl) {
    this.users = users;
    this.formKey = new SecretKeySpec(DerivedKey.of(serverSecret, PURPOSE), "HmacSHA256");
    this.https = publicUrl.toLowerCase(Locale.ROOT).startsWith("https://");
    // __Host- cookies must be Secure, so a plain-http server (a laptop) uses plain names.
    this.sessionCookie = (https ? "__Host-" : "") + "nectar_session";
    this.signInCookie = (https ? "__Host-" : "") + "nectar_sign_in";
  }

  /**
   * The signed-in person, after the anti-forgery check for unsafe methods.
   *
   * @throws DashboardRefusal when nobody is signed in (the answer sends the browser to sign in) or the
   *     form's token is missing or wrong (403)
   */
  public SignedIn require(Context ctx) {
    SignedIn who = current(ctx).orElseThrow(() -> new DashboardRefusal(DashboardRefusal.Reason.NOT_SIGNED_IN));
    if (isUnsafe(ctx) && !matches(who.csrfToken(), presentedToken(ctx))) {
      throw new DashboardRefusal(DashboardRefusal.Reason.FORGED_FORM);
    }
    return who;
  }

  /** As {@link #require}, for pages only administrators may use (settings). */
  public SignedIn requireAdmin(Context ctx) {
    SignedIn who = require(ctx);
    if (!who.isAdmin()) {
      throw new DashboardRefusal(DashboardRefusal.Reason.NOT_ADMIN);
    }
    return who;
  }

  /** The signed-in person, if any, without any check of the request's form. */
  public Optional<SignedIn> current(Context ctx) {
    return session(ctx).map(s -> new SignedIn(s.user(), s.environment(), mac("session:" + s.id())));
  }

  Optional<DashboardSession> session(Context ctx) {
    Optional<DashboardSession> cached = ctx.attribute("nectar.dashboardSession");
    if (cached != null) {
      return cached;
    }
    String token = ctx.cookie(sessionCookie);
    Optional<DashboardSession> session = token == null ? Optional.empty() : users.session(token);
    ctx.attribute("nectar.dashboardSession", session);
    return session;
  }

  /** Gives the browser its session cookie (after a sign-in); the sign-in form's cookie goes. */
  void startSession(Context ctx, NewSession session) {
    setCookie(ctx, sessionCookie, session.token(), -1);
    setCookie(ctx, signInCookie, "", 0);
    ctx.attribute("nectar.dashboardSession", Optional.of(session.session()));
  }

  /** Ends the session on the server (its cookie is worthless from now on) and clears the cookie. */
  void endSession(Context ctx) {
    String token = ctx.cookie(sessionCookie);
    if (token != null) {
      users.signOut(token);
    }
    setCookie(ctx, sessionCookie, "", 0);
  }

  /**
   * The anti-forgery token of the sign-in form, which has no session yet: an HMAC of a random value kept
   * in a short-lived cookie of its own, so another site cannot sign a browser in to its own account.
   */
  String signInToken(Context ctx) {
    String nonce = ctx.cookie(signInCookie);
    if (nonce == null || nonce.length() != 32) {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      setCookie(ctx, signInCookie, nonce, 3600);
    }
    return mac("sign-in:" + nonce);
  }

  boolean signInFormValid(Context ctx) {
    String nonce = ctx.cookie(signInCookie);
    return nonce != null && matches(mac("sign-in:" + nonce), presentedToken(ctx));
  }

  /** The token of the form on a one-time link's page: the link itself is the secret it is bound to. */
  String linkToken(String link) {
    return mac("link:" + link);
  }

  boolean linkFormValid(Context ctx, String link) {
    return matches(linkToken(link), presentedToken(ctx));
  }

  /** Whether cookies carry {@code Secure} (the public URL is https). */
  boolean https() {
    return https;
  }

  private static boolean isUnsafe(Context ctx) {
    HandlerType method = ctx.method();
    return !(method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS);
  }

  /** The token sent with the request: the header (scripts), else the form field (plain forms, uploads). */
  private static String presentedToken(Context ctx) {
    String header = ctx.header(CSRF_HEADER);
    if (header != null) {
      return header;
    }
    String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (contentType.startsWith("multipart/form-data")) {
      List<String> values = FileForm.of(ctx, MAX_UPLOAD_BYTES).fields().getOrDefault(CSRF_FIELD, List.of());
      return values.size() == 1 ? values.get(0) : null;
    }
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      var field = RequestBody.of(ctx, MAX_FORM_BYTES).fields().get(CSRF_FIELD);
      return field != null && field.isTextual() ? field.asText() : null;
    }
    return null;
  }

  private static boolean matches(String expected, String presented) {
    return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        presented.getBytes(StandardCharsets.US_ASCII));
  }

  private String mac(String subject) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(formKey);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }

  /** {@code maxAge} -1: until the browser closes; 0: delete now. */
  private void setCookie(Context ctx, String name, String value, int maxAge) {
    StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Strict");
    if (maxAge >= 0) {
      cookie.append("; Max-Age=").append(maxAge);
    }
    if (https) {
      cookie.append("; Secure");
    }
    ctx.res().addHeader("Set-Cookie", cookie.toString());
  }
}
