package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * A body sent to the API: exactly the fields its builder set, as one JSON object. A map rather than
 * record components so that an update tells "leave unchanged" (absent) from "clear" (null).
 */
public abstract class Input {
  private final Map<String, Object> fields;

  Input(Map<String, Object> fields) {
    this.fields = fields;
  }

  /** The JSON body, field by field. */
  @JsonValue
  public final Map<String, Object> toJson() {
    return fields;
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + fields.keySet();
  }
}
