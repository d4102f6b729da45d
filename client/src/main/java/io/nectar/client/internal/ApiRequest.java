package io.nectar.client.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request before it meets the network: method, path relative to the versioned base URL, query
 * and an optional body whose bytes are fixed up front, so that every retry sends exactly the same
 * bytes under the same idempotency key. Not part of the public API.
 */
public record ApiRequest(String method, String path, Map<String, List<String>> query, byte[] body, String contentType) {
  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = query == null ? Map.of() : query;
  }

  public static ApiRequest get(String path, Map<String, List<String>> query) {
    return new ApiRequest("GET", path, query, null, null);
  }

  public static ApiRequest delete(String path) {
    return new ApiRequest("DELETE", path, null, null, null);
  }

  public static ApiRequest json(String method, String path, Object body) {
    return body == null
        ? new ApiRequest(method, path, null, null, null)
        : new ApiRequest(method, path, null, Json.write(body), "application/json");
  }

  /** Whether repeating the request cannot change the outcome, so a lost answer may be retried. */
  public boolean idempotentMethod() {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
      default -> false;
    };
  }
}
