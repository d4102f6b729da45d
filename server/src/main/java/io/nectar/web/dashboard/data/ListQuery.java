package io.nectar.web.dashboard.data;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The address of a list page with its filters, to link to other pages of the same list (the filters
 * kept) and to fill the filter form with what was asked. Only the parameters a list knows are kept.
 */
public final class ListQuery {
  private final String path;
  private final Map<String, List<String>> parameters;

  ListQuery(String path, Map<String, List<String>> query, Set<String> known) {
    this.path = path;
    this.parameters = new LinkedHashMap<>();
    query.forEach((name, values) -> {
      if (known.contains(name) && !name.equals("page")) {
        List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).toList();
        if (!kept.isEmpty()) {
          parameters.put(name, kept);
        }
      }
    });
  }

  /** The address of page {@code page} of this list. */
  public String page(int page) {
    StringBuilder url = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
      for (String value : p.getValue()) {
        url.append(separator).append(encode(p.getKey())).append('=').append(encode(value));
        separator = '&';
      }
    }
    if (page > 1) {
      url.append(separator).append("page=").append(page);
    }
    return url.toString();
  }

  /** The list's own address, without filters. */
  public String path() {
    return path;
  }

  /** The first value asked for {@code name}, or "". */
  public String value(String name) {
    List<String> values = parameters.get(name);
    return values == null ? "" : values.get(0);
  }

  /** Whether {@code value} is among the values asked for {@code name} (a selected option). */
  public boolean has(String name, String value) {
    List<String> values = parameters.get(name);
    return values != null && values.stream().anyMatch(v -> v.equalsIgnoreCase(value));
  }

  /** Whether any filter is set. */
  public boolean filtered() {
    return !parameters.isEmpty();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
