package io.nectar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A document's audit trail page, opened through its signed {@code auditTrailUrl} and read row by row. */
public record AuditPage(String html, List<Event> events) {
  private static final Pattern ROW = Pattern.compile(
      "<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td><code>([^<]*)</code></td></tr>");

  /** One history row: when, what, by whom, and its details as JSON. */
  public record Event(String at, String kind, String actor, JsonNode detail) {}

  /** Opens the link, expecting the page. */
  public static AuditPage open(TestServer server, String auditTrailUrl) {
    HttpResponse<byte[]> response = Links.get(server, auditTrailUrl);
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).as(body).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    List<Event> events = new ArrayList<>();
    Matcher row = ROW.matcher(body);
    while (row.find()) {
      try {
        events.add(new Event(unescape(row.group(1)), unescape(row.group(2)), unescape(row.group(3)),
            Json.MAPPER.readTree(unescape(row.group(4)))));
      } catch (IOException e) {
        throw new UncheckedIOException("audit details are not JSON: " + row.group(4), e);
      }
    }
    return new AuditPage(body, List.copyOf(events));
  }

  public List<Event> events(String kind) {
    return events.stream().filter(e -> e.kind().equals(kind)).toList();
  }

  /** The page's text with HTML entities decoded. */
  public String text() {
    return unescape(html);
  }

  static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
