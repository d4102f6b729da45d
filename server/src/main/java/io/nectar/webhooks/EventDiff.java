package io.nectar.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What changed between two renderings of one object, for the {@code old} and
 * {@code protectedChanges} of update events. Fields that change on every write or every render
 * (timestamps, freshly signed links) are ignored at every depth, so a timestamp-only update is no
 * change at all (nectar-api.md §13.1: events fire only on meaningful changes).
 */
public record EventDiff(List<String> changedFields, ObjectNode old) {
  private static final Set<String> VOLATILE = Set.of("updated", "statusLastUpdateTime", "url", "auditTrailUrl");

  public boolean isEmpty() {
    return changedFields.isEmpty();
  }

  /** Compares the top-level fields of {@code before} and {@code after}. */
  public static EventDiff between(ObjectNode before, ObjectNode after) {
    List<String> changed = new ArrayList<>();
    ObjectNode old = Json.object();
    Set<String> names = new java.util.LinkedHashSet<>();
    before.fieldNames().forEachRemaining(names::add);
    after.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (VOLATILE.contains(name)) {
        continue;
      }
      JsonNode a = before.get(name);
      JsonNode b = after.get(name);
      if (!stable(a).equals(stable(b))) {
        changed.add(name);
        old.set(name, a == null ? Json.MAPPER.nullNode() : a.deepCopy());
      }
    }
    return new EventDiff(List.copyOf(changed), old);
  }

  /** The node without volatile fields at any depth (a copy; null stands for absent). */
  private static JsonNode stable(JsonNode node) {
    return node == null ? Json.MAPPER.nullNode() : JsonTrees.copy(node, name -> !VOLATILE.contains(name), v -> v);
  }
}
