package io.nectar.accounts;

import java.util.Collection;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Announces what a change does to connections (connection.updated.v2), as the connections feature
 * renders them. Accounts declare it rather than depend on that feature, which shows each connection
 * with its accounts.
 */
public interface ConnectionChanges {
  /** Runs {@code change} in {@code h}; each of {@code connectionIds} whose object it changes announces it. */
  void announce(Handle h, Collection<UUID> connectionIds, Runnable change);
}
