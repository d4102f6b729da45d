package io.nectar.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.client.Webhook;
import io.nectar.client.WebhookEvent;
import io.nectar.client.WebhookVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code webhook listen} (a local receiver for development) and {@code webhook replay}. */
@Command(name = "webhook", description = "Receive webhooks locally, or send one again.",
    subcommands = {WebhookCommand.Listen.class, WebhookCommand.Replay.class})
final class WebhookCommand {
  @Command(name = "listen", description = {
      "Receive webhooks on a local port, verify each one's signature and print it, until Ctrl-C.",
      "A delivery that does not verify is refused (401; 400 when it is not a webhook) and printed as REFUSED."})
  static final class Listen extends ApiCommand {
    @Option(names = "--port", defaultValue = "9000", description = "Port to listen on (default ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0",
        description = "Address to listen on (default ${DEFAULT-VALUE}: every interface)")
    String host;

    @Option(names = "--secret", required = true, paramLabel = "whsec_…",
        description = "The endpoint's signing secret; repeat it to accept an old and a new one during a rotation")
    List<String> secrets;

    @Option(names = "--tolerance", defaultValue = "PT5M",
        description = "How far a delivery's timestamp may be from now, ISO-8601 (default 5 minutes)")
    Duration tolerance;

    @Override
    public Integer call() throws Exception {
      WebhookVerifier verifier;
      try {
        verifier = Webhook.verifier(secrets.toArray(String[]::new)).tolerance(tolerance).clock(context().clock())
            .build();
      } catch (IllegalArgumentException e) {
        throw new UsageException("--secret: " + e.getMessage());
      }
      PrintWriter out = context().out();
      WebhookReceiver receiver;
      try {
        receiver = WebhookReceiver.start(host, port, verifier, delivery -> {
          synchronized (out) {
            out.println(describe(delivery));
            out.flush();
          }
        });
      } catch (IOException | IllegalArgumentException e) {
        // Taken, not allowed, out of range or not an address: the port and host are the caller's to change.
        throw new UsageException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
      }
      try (receiver) {
        context().err().println("Listening for webhooks on http://" + host + ":" + receiver.port()
            + "/ (Ctrl-C to stop)");
        context().err().flush();
        context().stop().await();
      }
      return ExitCode.OK;
    }

    private String describe(WebhookReceiver.Delivery delivery) {
      if (format() == NectarCli.Format.JSON) {
        ObjectNode line = json().createObjectNode();
        if (delivery instanceof WebhookReceiver.Verified v) {
          WebhookEvent event = v.event();
          line.put("verified", true).put("id", event.id()).put("timestamp", event.timestamp().toString())
              .put("eventType", event.eventType()).set("body", event.json());
        } else if (delivery instanceof WebhookReceiver.Refused r) {
          line.put("verified", false).put("id", r.messageId()).put("status", r.status()).put("reason", r.reason());
        }
        return line.toString();
      }
      if (delivery instanceof WebhookReceiver.Verified v) {
        WebhookEvent event = v.event();
        return String.join("  ", event.timestamp().toString(), event.eventType(), event.id(), subject(event));
      }
      WebhookReceiver.Refused r = (WebhookReceiver.Refused) delivery;
      return "REFUSED " + r.status() + "  " + (r.messageId() == null ? "-" : r.messageId()) + "  " + r.reason();
    }

    /** What the event is about, in a few words: the object's id and its status or bill date. */
    private static String subject(WebhookEvent event) {
      var body = event.json();
      StringBuilder text = new StringBuilder(Column.text(body.path("id")));
      for (String field : List.of("status", "billDate", "message")) {
        if (body.hasNonNull(field)) {
          text.append(' ').append(field).append('=').append(Column.text(body.path(field)));
        }
      }
      return text.toString();
    }
  }

  @Command(name = "replay", description = "Send a message again to the endpoints it was sent to (keeps its webhook-id).")
  static final class Replay extends ApiCommand {
    @Parameters(paramLabel = "MESSAGE_ID", description = "The message's id (webhook-id, as listen prints it)")
    String messageId;

    @Override
    public Integer call() throws Exception {
      var result = tree(client().webhooks().replay(Ids.parse("MESSAGE_ID", messageId)));
      if (format() == NectarCli.Format.JSON) {
        context().out().println(json().writeValueAsString(result));
      } else {
        context().out().println("replayed " + messageId + ": queued to " + Column.text(result.path("queued"))
            + " endpoint(s)");
      }
      return ExitCode.OK;
    }
  }
}
