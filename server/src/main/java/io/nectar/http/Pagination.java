package io.nectar.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Page arithmetic and the list envelope shared by every paginated endpoint (nectar-api.md §1.5):
 * 1-based pages, a fixed page size (100, or {@code limit} where an endpoint allows it), and a page
 * past the end answered with the last page rather than an error. An empty set has one empty page,
 * as Django's paginator has.
 */
public final class Pagination {
  public static final int PAGE_SIZE = 100;

  private Pagination() {}

  /** The page a client asked for; parse it from the query before counting anything. */
  public record PageRequest(int page, int perPage) {

    /** Parses {@code page} (default 1); anything but a whole number of at least 1 is a 400. */
    public static PageRequest parse(String rawPage, int perPage) {
      if (rawPage == null) {
        return new PageRequest(1, perPage);
      }
      String trimmed = rawPage.trim();
      if (!trimmed.matches("\\d{1,100}") || new BigInteger(trimmed).signum() <= 0) {
        throw ApiError.invalid(Map.of("page", List.of("A valid integer greater than or equal to 1 is required.")));
      }
      BigInteger page = new BigInteger(trimmed);
      // Any page beyond the int range is past the end of every possible set: the last page.
      int clamped = page.bitLength() > 31 ? Integer.MAX_VALUE : page.intValue();
      return new PageRequest(clamped, perPage);
    }

    /** Where the page falls once the size of the (filtered) set is known. */
    public PageWindow window(long total) {
      int totalPages = total == 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, (total + perPage - 1) / perPage);
      int current = Math.min(page, totalPages);
      return new PageWindow(current, totalPages, (long) (current - 1) * perPage, perPage, total);
    }
  }

  /** A resolved page: which rows to fetch ({@code offset}, {@code limit}) and how to describe it. */
  public record PageWindow(int page, int totalPages, long offset, int limit, long total) {

    /**
     * The envelope {@code {"totalX", "perPage", "totalPages", "currentPage", "hasNext",
     * "hasPrevious", "x": [...]}}, in Nectar's field order.
     */
    public ObjectNode envelope(String totalKey, String itemsKey, ArrayNode items) {
      return (ObjectNode) Json.tree(g -> write(g, totalKey, itemsKey, ig -> ig.writeTree(items)));
    }

    /** Writes the envelope of {@link #envelope}, {@code items} writing the array of the page's objects. */
    public void write(JsonGenerator g, String totalKey, String itemsKey, JsonWriter items) throws IOException {
      g.writeStartObject();
      g.writeNumberField(totalKey, total);
      g.writeNumberField("perPage", limit);
      g.writeNumberField("totalPages", totalPages);
      g.writeNumberField("currentPage", page);
      g.writeBooleanField("hasNext", page < totalPages);
      g.writeBooleanField("hasPrevious", page > 1);
      g.writeFieldName(itemsKey);
      items.write(g);
      g.writeEndObject();
    }

    /** Streams the envelope of {@link #envelope} to the client, {@code item} writing each of {@code rows}. */
    public <T> void stream(Context ctx, String totalKey, String itemsKey, List<T> rows, RowWriter<T> item) {
      Json.stream(ctx, 200, g -> write(g, totalKey, itemsKey, items -> {
        items.writeStartArray();
        for (T row : rows) {
          item.write(items, row);
        }
        items.writeEndArray();
      }));
    }
  }

  /** Writes one object of a page. */
  @FunctionalInterface
  public interface RowWriter<T> {
    void write(JsonGenerator g, T row) throws IOException;
  }
}
