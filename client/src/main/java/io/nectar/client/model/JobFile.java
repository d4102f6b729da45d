package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.util.UUID;

/**
 * One file of an upload job with its own progress and outcome (an addition of this server; Nectar
 * reports only the job's totals, so this list is empty there).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobFile(UUID id, String fileName, Status status, Outcome outcome, UUID documentId, String reason) {

  /** Where the file is in the queue. */
  public enum Status {
    PENDING,
    PROCESSING,
    DONE,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /** What reading the file gave; null until the file is {@code DONE}. */
  public enum Outcome {
    DOCUMENT,
    REVISION,
    DUPLICATE,
    NOT_A_BILL,
    UNREADABLE,
    FETCH_FAILED,
    FAILED,
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
