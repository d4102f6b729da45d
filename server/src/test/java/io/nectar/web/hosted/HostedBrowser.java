package io.nectar.web.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser without script does on the hosted pages, over plain HTTP/1.1 sockets from a chosen
 * client address (127.0.0.x), so that the per-address attempt limits of one test do not spill into
 * another. Pages are read with regexes on the server's own markup (the {@code data-} attributes of
 * {@code <body>}, the {@code csrf} field, the notice), not an HTML parser.
 */
public final class HostedBrowser {
  private final int port;
  private final String clientAddress;

  public HostedBrowser(int port, String clientAddress) {
    this.port = port;
    this.clientAddress = clientAddress;
  }

  /** A response as read off the wire; header names lower case. */
  public record Page(int status, Map<String, String> headers, String body, String path) {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private static final Pattern STEP = Pattern.compile("<body data-step=\"([A-Z_]*)\"");
    private static final Pattern OUTCOME = Pattern.compile("data-outcome=\"([A-Z_]*)\"");
    private static final Pattern CONNECTION = Pattern.compile("data-connection=\"([^\"]*)\"");
    private static final Pattern NOTICE = Pattern.compile("<p class=\"notice\" role=\"alert\">(.*?)</p>", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("<h1>(.*?)</h1>", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String csrf() {
      return find(CSRF).orElseThrow(() -> new AssertionError("no csrf field on " + this));
    }

    /** The step the page shows ({@code EMAIL}, {@code UTILITY}, ..., {@code CLOSED} for a link page). */
    public String step() {
      return find(STEP).orElseThrow(() -> new AssertionError("no data-step on " + this));
    }

    public String outcome() {
      return find(OUTCOME).orElse("");
    }

    public String connectionId() {
      return find(CONNECTION).orElse("");
    }

    /** The notice about the last action, unescaped; empty when none. */
    public Optional<String> notice() {
      return find(NOTICE).map(HostedBrowser::unescape);
    }

    public String heading() {
      return find(HEADING).map(HostedBrowser::unescape).orElse("");
    }

    /** Every {@code href} of the page, unescaped. */
    public List<String> links() {
      List<String> links = new ArrayList<>();
      Matcher m = HREF.matcher(body);
      while (m.find()) {
        links.add(unescape(m.group(1)));
      }
      return links;
    }

    /** The value attribute of the input named {@code name}; empty when it has none. */
    public Optional<String> inputValue(String name) {
      Matcher m = Pattern.compile("<input [^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(body);
      if (!m.find()) {
        return Optional.empty();
      }
      Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(m.group());
      return Optional.of(value.find() ? unescape(value.group(1)) : "");
    }

    /** The visit's own address, {@code /p/s/{token}} (without query). */
    public String visit() {
      String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
      assertThat(p).startsWith("/p/s/");
      String[] segments = p.split("/");
      return "/p/s/" + segments[3];
    }

    private Optional<String> find(Pattern pattern) {
      Matcher m = pattern.matcher(body);
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Override
    public String toString() {
      return status + " " + path + " " + headers + "\n" + body;
    }
  }

  /** GETs {@code path}, following one 303 (what opening a link does). */
  public Page open(String path) {
    Page first = get(path);
    return first.status() == 303 ? get(first.header("location")) : first;
  }

  public Page get(String path) {
    return send("GET", path, Map.of(), null);
  }

  /** Posts a form (name, value, name, value...) and follows a 303 as a browser does. */
  public Page post(String path, String... nameValues) {
    Page reply = postOnly(path, nameValues);
    return reply.status() == 303 ? get(reply.header("location")) : reply;
  }

  /** Posts a form without following its redirect. */
  public Page postOnly(String path, String... nameValues) {
    return send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"),
        form(nameValues).getBytes(StandardCharsets.UTF_8));
  }

  /** The action of a page's form, with the page's csrf token. */
  public Page submit(Page page, String action, String... nameValues) {
    List<String> all = new ArrayList<>(List.of("csrf", page.csrf()));
    all.addAll(List.of(nameValues));
    return post(page.visit() + "/" + action, all.toArray(String[]::new));
  }

  /** A part of a multipart form: a text field when {@code fileName} is null. */
  public record Part(String name, String fileName, String contentType, byte[] bytes) {
    public static Part text(String name, String value) {
      return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }

    public static Part file(String name, String fileName, String contentType, byte[] bytes) {
      return new Part(name, fileName, contentType, bytes);
    }
  }

  public static final String BOUNDARY = "----hosted-test-boundary-Q2x9";

  /** A multipart/form-data body of {@code parts}. */
  public static byte[] multipart(List<Part> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part part : parts) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
          + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"") + "\r\n"
          + (part.contentType() == null ? "" : "Content-Type: " + part.contentType() + "\r\n") + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(part.bytes());
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Posts a multipart body; {@code accept} null sends no Accept header. */
  public Page postMultipart(String path, byte[] body, String accept) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    if (accept != null) {
      headers.put("Accept", accept);
    }
    return send("POST", path, headers, body);
  }

  public static String form(String... nameValues) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < nameValues.length; i += 2) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** Any request; {@code body} null sends none. */
  public Page send(String method, String path, Map<String, String> headers, byte[] body) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(clientAddress), 0));
      socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
      socket.setSoTimeout(60_000);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
          + "\r\nConnection: close\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      if (body != null) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        try {
          out.write(body);
        } catch (IOException refusedMidway) {
          // The server may answer (413) and close before reading a large body: read what it said.
        }
      }
      out.flush();
      return read(socket.getInputStream(), path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Page read(InputStream in, String path) throws IOException {
    byte[] all = in.readAllBytes();
    String raw = new String(all, StandardCharsets.ISO_8859_1);
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("no HTTP response: " + raw);
    }
    String[] lines = raw.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Page(status, headers, new String(body, StandardCharsets.UTF_8), path);
  }

  private static byte[] unchunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, at);
      int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length - 1; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    throw new AssertionError("broken chunked body");
  }

  static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
  }
}
