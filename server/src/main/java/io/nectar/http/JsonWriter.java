package io.nectar.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes one JSON value to a generator. Views are written this way so that a large list goes
 * straight to bytes, without a tree of nodes per field in between; {@link Json#tree} gives the same
 * value as a tree where one is wanted.
 */
@FunctionalInterface
public interface JsonWriter {
  void write(JsonGenerator g) throws IOException;
}
