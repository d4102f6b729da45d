package io.nectar.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Error answers as pages for people, under path prefixes that serve HTML (the dashboard), instead of
 * the API's JSON. The statuses and details stay the ones {@link ApiError} gives a domain refusal, so a
 * page and the API refuse the same things in the same words.
 */
public final class ErrorPages {
  /** Writes the page for an error; {@code errors} holds the invalid fields, if any. */
  @FunctionalInterface
  public interface Renderer {
    void render(Context ctx, int status, String detail, Map<String, List<String>> errors);
  }

  private record Entry(String prefix, Renderer renderer) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  /** Renders errors of paths equal to {@code prefix} or under {@code prefix + "/"} with {@code renderer}. */
  public void add(String prefix, Renderer renderer) {
    entries.add(new Entry(prefix, renderer));
  }

  /** Renders {@code error} as a page if its path has a renderer; false when JSON it is. */
  boolean render(Context ctx, ApiError error) {
    String path = ctx.path();
    for (Entry entry : entries) {
      if (path.equals(entry.prefix()) || path.startsWith(entry.prefix() + "/")) {
        error.headers().forEach(ctx::header);
        entry.renderer().render(ctx, error.status(), error.detail(), error.errors());
        return true;
      }
    }
    return false;
  }
}
