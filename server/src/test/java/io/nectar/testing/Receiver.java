package io.nectar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.awaitility.Awaitility;

/**
 * A real webhook receiver (MockWebServer) that keeps every delivery it got and answers as the test
 * says (200 unless told otherwise).
 */
public final class Receiver implements AutoCloseable {
  /** One request as received: headers (names lower-cased), the exact body, and the body parsed. */
  public record Delivery(Map<String, String> headers, byte[] body, JsonNode json, Instant receivedAt) {
    public String eventType() {
      return json.path("eventType").asText();
    }

    public String id() {
      return headers.get("webhook-id");
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private volatile Function<Delivery, MockResponse> answer = d -> new MockResponse.Builder().code(200).body("ok")
      .build();

  public Receiver() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        Map<String, String> headers = new TreeMap<>();
        request.getHeaders().forEach(pair -> headers.put(pair.getFirst().toLowerCase(java.util.Locale.ROOT),
            pair.getSecond()));
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        JsonNode json;
        try {
          json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
          json = Json.object();
        }
        Delivery delivery = new Delivery(headers, body, json, Instant.now());
        deliveries.add(delivery);
        return answer.apply(delivery);
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return server.url("/hooks/nectar").toString();
  }

  public int port() {
    return server.getPort();
  }

  /** Answers every later request with {@code status}. */
  public void answer(int status) {
    answer(d -> new MockResponse.Builder().code(status).body("status " + status).build());
  }

  public void answer(Function<Delivery, MockResponse> answer) {
    this.answer = answer;
  }

  public List<Delivery> deliveries() {
    return new ArrayList<>(deliveries);
  }

  public List<Delivery> deliveries(Predicate<Delivery> which) {
    return deliveries.stream().filter(which).toList();
  }

  /** Waits until {@code count} deliveries match, and returns them. */
  public List<Delivery> await(Predicate<Delivery> which, int count) {
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(20, TimeUnit.MILLISECONDS)
        .until(() -> deliveries(which).size() >= count);
    return deliveries(which);
  }

  public List<Delivery> await(String eventType, int count) {
    return await(d -> d.eventType().equals(eventType), count);
  }

  @Override
  public void close() {
    server.close();
  }
}
