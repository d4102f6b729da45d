package io.nectar.documents;

import com.fasterxml.jackson.core.JsonGenerator;
import io.nectar.http.ApiVersion;
import io.nectar.http.JsonFragments;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The usage rows a document shows, as the usage feature reads and writes them. A usage row shows its
 * document's summary, so usage depends on documents, and documents declare here what they need back.
 */
public interface DocumentUsage {
  /** The usage rows of {@code documents}, by document id, each list in its order on the bill. */
  Map<UUID, List<Row>> rowsOf(Handle h, Map<UUID, Document> documents);

  /** One usage row, as a document shows it. */
  interface Row {
    UUID id();

    UUID meterId();

    /** Writes the row as an entry of a document's {@code usageData} in {@code version}. */
    void write(JsonGenerator g, ApiVersion version, JsonFragments shared) throws IOException;
  }
}
