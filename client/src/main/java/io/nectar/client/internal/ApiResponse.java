package io.nectar.client.internal;

import java.net.http.HttpHeaders;

/**
 * A raw answer: status, headers, the whole body and the request id. Not part of the public API.
 */
public record ApiResponse(int status, HttpHeaders headers, byte[] body) {
  public String requestId() {
    return headers.firstValue("X-Request-Id").orElse(null);
  }
}
