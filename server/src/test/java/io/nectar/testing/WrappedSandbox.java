package io.nectar.testing;

import io.nectar.providers.Collection;
import io.nectar.providers.CollectionRequest;
import io.nectar.providers.UtilityProvider;
import io.nectar.providers.Validation;
import io.nectar.providers.sandbox.SandboxProvider;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The sandbox utility behind the sandbox URL, watched by a test: it counts {@code collect()} calls
 * per connection, keeps the last request and result, and may change (or hold up) what the sandbox
 * returns before the server sees it.
 */
public final class WrappedSandbox implements UtilityProvider {
  private final SandboxProvider sandbox = new SandboxProvider();
  private final BiFunction<CollectionRequest, Collection, Collection> hook;
  private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<UUID, CollectionRequest> requests = new ConcurrentHashMap<>();
  private final Map<UUID, Collection> results = new ConcurrentHashMap<>();

  /** Returns the sandbox's collections unchanged. */
  public WrappedSandbox() {
    this((request, collection) -> collection);
  }

  /** {@code hook} sees each request with the sandbox's collection and returns what the server gets. */
  public WrappedSandbox(BiFunction<CollectionRequest, Collection, Collection> hook) {
    this.hook = hook;
  }

  @Override
  public String rootUrl() {
    return sandbox.rootUrl();
  }

  @Override
  public String name() {
    return sandbox.name();
  }

  @Override
  public Validation validate(CollectionRequest request) {
    return sandbox.validate(request);
  }

  @Override
  public Collection collect(CollectionRequest request) {
    calls.computeIfAbsent(request.connectionId(), id -> new AtomicInteger()).incrementAndGet();
    requests.put(request.connectionId(), request);
    Collection collection = hook.apply(request, sandbox.collect(request));
    results.put(request.connectionId(), collection);
    return collection;
  }

  /** How many times {@code collect()} was called for the connection. */
  public int calls(UUID connectionId) {
    AtomicInteger count = calls.get(connectionId);
    return count == null ? 0 : count.get();
  }

  /** Calls for every connection, by connection. */
  public Map<UUID, Integer> allCalls() {
    Map<UUID, Integer> all = new java.util.HashMap<>();
    calls.forEach((id, count) -> all.put(id, count.get()));
    return all;
  }

  /** The last request for the connection, or null. */
  public CollectionRequest request(UUID connectionId) {
    return requests.get(connectionId);
  }

  /** What the last {@code collect()} for the connection returned (after the hook), or null. */
  public Collection result(UUID connectionId) {
    return results.get(connectionId);
  }
}
