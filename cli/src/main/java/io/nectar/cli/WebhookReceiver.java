package io.nectar.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nectar.client.WebhookEvent;
import io.nectar.client.WebhookVerificationException;
import io.nectar.client.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A local webhook endpoint for development: every POST (to any path) is verified with the SDK's
 * {@link WebhookVerifier} and handed on, verified or refused. A request without the signature headers
 * is not a webhook (400); one whose signature or timestamp does not verify is refused (401), so the
 * sender logs a failed attempt just as a production receiver would make it.
 */
final class WebhookReceiver implements AutoCloseable {
  /** The largest body read; Nectar's documents are far smaller. */
  private static final int MAX_BODY = 5 * 1024 * 1024;

  /** What arrived: a verified event, or a refusal with its status and reason. */
  sealed interface Delivery permits Verified, Refused {}

  record Verified(WebhookEvent event) implements Delivery {}

  record Refused(int status, String messageId, String reason) implements Delivery {}

  private final HttpServer server;

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  /** Starts listening on {@code host:port} (port 0: any free port). */
  static WebhookReceiver start(String host, int port, WebhookVerifier verifier, Consumer<Delivery> deliveries)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    // One delivery at a time: they are printed in the order they arrived, never interleaved.
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "webhook-receiver");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/", exchange -> handle(exchange, verifier, deliveries));
    server.start();
    return new WebhookReceiver(server);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void handle(HttpExchange exchange, WebhookVerifier verifier, Consumer<Delivery> deliveries)
      throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().add("Allow", "POST");
        answer(exchange, 405, "Only POST is accepted here.");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      Map<String, List<String>> headers = exchange.getRequestHeaders();
      String messageId = header(headers, "id");
      Delivery delivery;
      if (body.length > MAX_BODY) {
        delivery = new Refused(413, messageId, "the body is larger than " + MAX_BODY + " bytes");
      } else if (messageId == null || header(headers, "timestamp") == null || header(headers, "signature") == null) {
        delivery = new Refused(400, messageId, "not a webhook: the webhook-id, webhook-timestamp and "
            + "webhook-signature headers (or svix-*) are required");
      } else {
        try {
          delivery = new Verified(verifier.verify(body, headers));
        } catch (WebhookVerificationException e) {
          delivery = new Refused(401, messageId, e.getMessage());
        }
      }
      deliveries.accept(delivery);
      if (delivery instanceof Refused refused) {
        answer(exchange, refused.status(), refused.reason());
      } else {
        answer(exchange, 200, "ok");
      }
    }
  }

  /** A Standard Webhooks header by its {@code webhook-} or {@code svix-} name (any case), or null. */
  private static String header(Map<String, List<String>> headers, String name) {
    for (var entry : headers.entrySet()) {
      String key = entry.getKey() == null ? "" : entry.getKey().toLowerCase(Locale.ROOT);
      if ((key.equals("webhook-" + name) || key.equals("svix-" + name)) && !entry.getValue().isEmpty()
          && !entry.getValue().get(0).isBlank()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
