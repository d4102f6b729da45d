package io.nectar.meters;

import io.nectar.keys.Caller;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Whether the caller may use a connection, as the connections feature decides it. Meters declare the
 * check they need rather than depend on that feature, which itself shows each connection with its meters.
 */
public interface ConnectionAccess {
  /** Passes when the caller owns connection {@code connectionId}; otherwise not found, or forbidden. */
  void requireConnection(Handle h, Caller caller, UUID connectionId);
}
