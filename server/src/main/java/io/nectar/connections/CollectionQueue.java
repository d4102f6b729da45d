package io.nectar.connections;

import java.util.UUID;

/** Durable background collection: a queued connection is collected even if the server restarts first. */
public interface CollectionQueue {
  void collectSoon(UUID connectionId);
}
