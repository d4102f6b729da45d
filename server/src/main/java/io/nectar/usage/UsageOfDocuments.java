package io.nectar.usage;

import io.nectar.documents.Document;
import io.nectar.documents.DocumentUsage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** The usage rows documents show, read in one query per page of documents. */
public final class UsageOfDocuments implements DocumentUsage {
  private final UsageStore store = new UsageStore();
  private final UsageLoader loader;

  public UsageOfDocuments(UsageLoader loader) {
    this.loader = loader;
  }

  @Override
  public Map<UUID, List<Row>> rowsOf(Handle h, Map<UUID, Document> documents) {
    return loader.load(h, store.byDocuments(h, documents.keySet()), documents).stream()
        .collect(Collectors.groupingBy(u -> u.usage().documentId(),
            Collectors.mapping(u -> (Row) u, Collectors.toList())));
  }
}
