package io.nectar.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nectar.client.Webhook;
import io.nectar.client.WebhookEvent;
import io.nectar.client.WebhookVerificationException;
import io.nectar.client.WebhookVerifier;
import io.nectar.client.model.Document;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A webhook receiver on the JDK's own HTTP server: it verifies each delivery with {@link Webhook}
 * before reading it, answers at once, and ignores a message id it has already handled (delivery is
 * at least once: retries and replays keep the id).
 *
 * <pre>
 * NECTAR_WEBHOOK_SECRET=whsec_… java io.nectar.examples.WebhookReceiver 9000
 * </pre>
 *
 * <p>During a secret rotation, set {@code NECTAR_WEBHOOK_SECRET} to both secrets separated by a space.
 */
public final class WebhookReceiver {
  private final WebhookVerifier verifier;
  /** In memory for the example; a real receiver keeps handled ids in its database. */
  private final Set<String> handled = ConcurrentHashMap.newKeySet();

  private WebhookReceiver(WebhookVerifier verifier) {
    this.verifier = verifier;
  }

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9000;
    String[] secrets = Env.require("NECTAR_WEBHOOK_SECRET").trim().split("\\s+");
    WebhookReceiver receiver = new WebhookReceiver(Webhook.verifier(secrets).build());

    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/", receiver::handle);
    server.start();
    System.err.println("Listening for webhooks on http://localhost:" + port + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      WebhookEvent event;
      try {
        // The JDK's Headers is a Map<String, List<String>> with names matched ignoring case.
        event = verifier.verify(body, exchange.getRequestHeaders());
      } catch (WebhookVerificationException e) {
        System.err.println("Refused a webhook: " + e.getMessage());
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      // Answer before doing slow work: the sender waits at most 15 seconds.
      exchange.sendResponseHeaders(204, -1);
      if (handled.add(event.id())) {
        print(event);
      }
    }
  }

  private static void print(WebhookEvent event) {
    String type = event.eventType();
    if (type.startsWith("document.")) {
      Document document = event.document();
      System.out.println(type + " " + document.id() + " bill date " + document.billDate() + " total "
          + document.totalCharges() + " " + document.chargesUnits());
    } else if (type.startsWith("connection.")) {
      System.out.println(type + " " + event.connection().id() + " status " + event.connection().status());
    } else {
      System.out.println(type + " " + event.id());
    }
  }
}
