package io.nectar.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A stand-in API on a real port: answers by method and path (query left out), records every request. */
final class FakeApi implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  FakeApi() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String route = request.getMethod() + " " + request.getUrl().encodedPath();
        Function<RecordedRequest, MockResponse> answer = routes.get(route);
        return answer != null ? answer.apply(request)
            : json(404, "{\"detail\": \"Not found.\"}");
      }
    });
    server.start();
  }

  /** The base URL with the version, as a user would give it. */
  String url() {
    return server.url("/v2.2").toString();
  }

  FakeApi on(String method, String path, Function<RecordedRequest, MockResponse> answer) {
    routes.put(method + " /v2.2" + path, answer);
    return this;
  }

  FakeApi on(String method, String path, int status, String body) {
    return on(method, path, r -> json(status, body));
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "req-" + status).body(body).build();
  }

  List<RecordedRequest> requests(String method, String pathPrefix) {
    return requests.stream().filter(r -> r.getMethod().equals(method)
        && r.getUrl().encodedPath().startsWith("/v2.2" + pathPrefix)).toList();
  }

  @Override
  public void close() {
    server.close();
  }
}
