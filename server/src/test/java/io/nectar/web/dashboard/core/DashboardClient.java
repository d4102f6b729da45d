package io.nectar.web.dashboard.core;

import io.nectar.testing.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for the dashboard's plain HTTP tests: it keeps the cookies the server
 * sets (as a browser of the same site would), never follows redirects (tests look at them), and reads
 * the form token out of the last page.
 */
public final class DashboardClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String lastPage = "";

  public DashboardClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Response get(String path) {
    return remember(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()));
  }

  /** Posts a form as a browser does; the fields are sent in the order given. */
  public Response post(String path, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return remember(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))));
  }

  /** Posts an empty form with {@code token} in the X-CSRF-Token header (as a script would). */
  public Response postWithHeader(String path, String token) {
    return remember(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-Token", token)
        .POST(HttpRequest.BodyPublishers.ofString(""))));
  }

  /** Posts a form with the token of the last page this client was shown. */
  public Response postWithToken(String path, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", csrf());
    form.putAll(fields);
    return post(path, form);
  }

  /** The form token on the last page shown. */
  public String csrf() {
    Matcher m = CSRF.matcher(lastPage);
    if (!m.find()) {
      throw new AssertionError("no form token on the last page:\n" + lastPage);
    }
    return m.group(1);
  }

  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  public void setCookie(String name, String value) {
    cookies.put(name, value);
  }

  public Map<String, String> cookies() {
    return Map.copyOf(cookies);
  }

  /** Signs in with the sign-in page's form; the answer is the server's to the POST. */
  public Response signIn(String email, String password) {
    get("/dashboard/sign-in");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("email", email);
    form.put("password", password);
    return postWithToken("/dashboard/sign-in", form);
  }

  private Response send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      for (String set : response.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        String name = pair.substring(0, pair.indexOf('='));
        String value = pair.substring(pair.indexOf('=') + 1);
        boolean deleted = set.contains("Max-Age=0") || value.isEmpty();
        if (deleted) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Response remember(Response response) {
    if (response.body() != null && response.body().contains("<html")) {
      lastPage = response.body();
    }
    return response;
  }

  /** The path of a one-time link's URL (the test servers' public URL is another port's). */
  public static String pathOf(String url) {
    return URI.create(url).getRawPath();
  }

  public static List<String> setCookies(Response response) {
    return response.headers().allValues("Set-Cookie");
  }
}
