package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * The answer to {@code GET /ping}: proof that the key works, which organization and environment it
 * belongs to, and which API version the base URL selects.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ping(String status, String apiVersion, String serverVersion, Organization organization,
    Environment environment) {

  /** The organization the key belongs to. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Organization(UUID id, String name) {
  }
}
