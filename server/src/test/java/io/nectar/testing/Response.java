package io.nectar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

/** A response as a test sees it: status, headers, body text and its JSON. */
public record Response(int status, HttpHeaders headers, String body) {

  public JsonNode json() {
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  /** The {@code detail} of an error body. */
  public String detail() {
    return json().path("detail").asText(null);
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
