import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook receivers for bench/webhook-delivery.sh: one per port given, answering 204 at once and
 * noting each delivery's webhook-id, port and arrival time (epoch microseconds).
 * GET /count: deliveries so far; GET /dump: "id<TAB>port<TAB>micros" lines.
 * Run: java bench/webhooks/Receiver.java 18801 18802 18803
 */
public class Receiver {
  public static void main(String[] args) throws IOException {
    ConcurrentLinkedQueue<String> arrivals = new ConcurrentLinkedQueue<>();
    AtomicLong count = new AtomicLong();
    for (String arg : args) {
      int port = Integer.parseInt(arg);
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
      server.setExecutor(Executors.newFixedThreadPool(8));
      server.createContext("/", exchange -> {
        try (InputStream in = exchange.getRequestBody()) {
          in.readAllBytes();
        }
        if (exchange.getRequestMethod().equals("POST")) {
          Instant now = Instant.now();
          arrivals.add(exchange.getRequestHeaders().getFirst("webhook-id") + "\t" + port + "\t"
              + (now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000));
          count.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
        } else {
          byte[] body = (exchange.getRequestURI().getPath().equals("/dump")
              ? String.join("\n", arrivals) + "\n" : count.get() + "\n").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
        exchange.close();
      });
      server.start();
    }
    System.out.println("receiving on " + String.join(", ", args));
  }
}
