package io.nectar.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.client.Page;
import io.nectar.client.model.ConnectionFilter;
import io.nectar.client.model.ConnectionStatus;
import io.nectar.client.model.DataFilter;
import io.nectar.client.model.IntervalFilter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code list RESOURCE [scope] [filters]}: one page (the first, or --page N), or with --all every page, streamed. */
@Command(name = "list", description = {"List objects: the first page, --page N, or with --all every page.",
    "RESOURCE and its scope: company; site --company; connection --company [--site]; account --connection;",
    "meter --company|--site|--connection; interval --connection; document --company|--site|--connection;",
    "usage --company|--site|--connection|--document; job --company; invitation --company; webhook-endpoint;",
    "webhook-attempt --endpoint."})
final class ListCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "RESOURCE", description = "What to list")
  String resource;

  @Option(names = "--company", paramLabel = "ID", description = "Within this company")
  String company;

  @Option(names = "--site", paramLabel = "ID",
      description = "Within this site (for connections: those created for it, within --company)")
  String site;

  @Option(names = "--connection", paramLabel = "ID", description = "Within this connection")
  String connection;

  @Option(names = "--document", paramLabel = "ID", description = "Of this document (usage)")
  String document;

  @Option(names = "--endpoint", paramLabel = "ID", description = "Of this webhook endpoint (webhook-attempt)")
  String endpoint;

  @Mixin
  DataFilterOptions filter;

  @Option(names = "--deleted", description = "documents: include soft-deleted ones (isDeleted=true)")
  boolean deleted;

  @Option(names = "--status", paramLabel = "STATUS", description = "connections: only this status, e.g. CONNECTED")
  String status;

  @Option(names = "--owner-email", paramLabel = "EMAIL", description = "connections: only those of this owner")
  String ownerEmail;

  @Option(names = "--limit", paramLabel = "N", description = "connections: page size, 1 to 500 (default 100)")
  Integer limit;

  @Option(names = "--page", paramLabel = "N", description = "This page instead of the first (with --all: from it on)")
  Integer page;

  @Option(names = "--all", description = "Every page, not only one")
  boolean all;

  @Override
  public Integer call() throws Exception {
    Resource what = Resource.named(resource);
    ListQuery query = query(what);
    if (page != null && page < 1) {
      throw new UsageException("--page must be 1 or more");
    }
    int wanted = page == null ? 1 : page;
    Resource.Listing listing = what.list(client(), query);
    if (listing instanceof Resource.Whole whole) {
      // The API returns these lists whole: they are one page.
      if (wanted > 1) {
        throw pastTheEnd(wanted, 1);
      }
      print(what, whole.items(), Optional.empty());
    } else {
      Page<?> shown = turnTo(((Resource.Paged) listing).page(), wanted);
      print(what, all ? shown.autoPaginate() : shown.items(), Optional.of(shown));
    }
    return ExitCode.OK;
  }

  /**
   * Page {@code wanted} of a list whose first page is {@code first}: one more request at most. The API
   * answers a page past the end with its last page, so the number it gives back tells.
   */
  private static <T> Page<T> turnTo(Page<T> first, int wanted) {
    if (wanted > Math.max(first.totalPages(), 1)) {
      throw pastTheEnd(wanted, Math.max(first.totalPages(), 1));
    }
    if (wanted == first.pageNumber()) {
      return first;
    }
    Page<T> at = first.page(wanted);
    if (at.pageNumber() != wanted) {
      // The list shrank since the first page was read.
      throw pastTheEnd(wanted, at.pageNumber());
    }
    return at;
  }

  private static UsageException pastTheEnd(int wanted, int pages) {
    return new UsageException("--page " + wanted + " is past the last page (" + pages + ")");
  }

  /** Prints the items as they come (a table a page at a time, or one JSON array written element by element). */
  private void print(Resource what, Iterable<?> items, Optional<Page<?>> shown) throws Exception {
    var out = context().out();
    if (format() == NectarCli.Format.JSON) {
      try (JsonGenerator array = json().getFactory().createGenerator(out)) {
        array.useDefaultPrettyPrinter();
        array.writeStartArray();
        for (Object item : items) {
          json().writeTree(array, tree(item));
        }
        array.writeEndArray();
      }
      out.println();
    } else {
      Table table = new Table(out, what.columns());
      List<JsonNode> batch = new ArrayList<>();
      long count = 0;
      for (Object item : items) {
        batch.add(tree(item));
        count++;
        if (batch.size() == 100) {
          table.print(batch);
          batch.clear();
        }
      }
      if (!batch.isEmpty() || count == 0) {
        table.print(batch);
      }
    }
    out.flush();
    if (shown.isPresent() && !all && shown.get().hasNext()) {
      Page<?> at = shown.get();
      context().err().println("Page " + at.pageNumber() + " of " + at.totalPages()
          + at.total().stream().mapToObj(t -> " (" + t + " in all)").findFirst().orElse("")
          + "; --page " + (at.pageNumber() + 1) + " prints the next, --all every page.");
    }
  }

  private ListQuery query(Resource what) {
    Map<Resource.Scope, String> given = new EnumMap<>(Resource.Scope.class);
    given(given, Resource.Scope.COMPANY, company);
    // A connection list is a company's; its --site narrows it to the connections made for that site.
    given(given, Resource.Scope.SITE, what == Resource.CONNECTION ? null : site);
    given(given, Resource.Scope.CONNECTION, connection);
    given(given, Resource.Scope.DOCUMENT, document);
    given(given, Resource.Scope.ENDPOINT, endpoint);
    String takes = String.join(" or ", what.scopes().stream().map(s -> s.option).toList());
    for (Resource.Scope scope : given.keySet()) {
      if (!what.scopes().contains(scope)) {
        throw new UsageException("list " + what.displayName() + " does not take " + scope.option
            + (takes.isEmpty() ? "" : "; it takes " + takes));
      }
    }
    if (!what.scopes().isEmpty() && given.isEmpty()) {
      throw new UsageException("list " + what.displayName() + " needs " + String.join(" or ",
          what.scopes().stream().map(s -> s.option + " ID").toList()));
    }
    if (given.size() > 1) {
      throw new UsageException("list " + what.displayName() + " takes one of " + String.join(", ",
          given.keySet().stream().map(s -> s.option).toList()));
    }
    boolean dataFilters = what == Resource.DOCUMENT || what == Resource.USAGE || what == Resource.INTERVAL;
    only(dataFilters || filter.isEmpty(), what, "--from, --to, --date-type, --type and --identifier");
    only(what != Resource.INTERVAL || filter.dateType == null, what, "--date-type");
    only(what == Resource.DOCUMENT || !deleted, what, "--deleted");
    only(what == Resource.CONNECTION || (status == null && ownerEmail == null && limit == null), what,
        "--status, --owner-email and --limit");
    Resource.Scope scope = given.keySet().stream().findFirst().orElse(null);
    return new ListQuery(scope, scope == null ? null : Ids.parse(scope.option, given.get(scope)), dataFilter(what),
        connectionFilter(what), intervalFilter(what));
  }

  private static void given(Map<Resource.Scope, String> given, Resource.Scope scope, String value) {
    if (value != null) {
      given.put(scope, value);
    }
  }

  private static void only(boolean allowed, Resource what, String options) {
    if (!allowed) {
      throw new UsageException("list " + what.displayName() + " does not take " + options);
    }
  }

  private DataFilter dataFilter(Resource what) {
    if (what == Resource.DOCUMENT && deleted) {
      return filter.toBuilder().isDeleted(true).build();
    }
    return what == Resource.DOCUMENT || what == Resource.USAGE ? filter.toFilter() : null;
  }

  private ConnectionFilter connectionFilter(Resource what) {
    if (what != Resource.CONNECTION) {
      return null;
    }
    ConnectionFilter.Builder b = ConnectionFilter.builder();
    if (status != null) {
      String wanted = status.strip().equalsIgnoreCase("PASSWORD_INCORRECT") ? "INCORRECT_PASSWORD" : status;
      b.status(DataFilterOptions.choice("--status", wanted, ConnectionStatus.class));
    }
    if (ownerEmail != null) {
      b.connectionOwnerEmail(ownerEmail);
    }
    if (limit != null) {
      if (limit < 1 || limit > 500) {
        throw new UsageException("--limit must be between 1 and 500");
      }
      b.limit(limit);
    }
    if (site != null) {
      b.sites(List.of(Ids.parse("--site", site)));
    }
    return b.build();
  }

  private IntervalFilter intervalFilter(Resource what) {
    if (what != Resource.INTERVAL) {
      return null;
    }
    IntervalFilter.Builder b = IntervalFilter.builder();
    if (filter.from != null) {
      b.start(instant("--from", filter.from));
    }
    if (filter.to != null) {
      b.end(instant("--to", filter.to));
    }
    if (!filter.types.isEmpty()) {
      b.datasourceTypes(filter.toFilterTypes());
    }
    if (filter.identifier != null) {
      b.identifier(filter.identifier);
    }
    return b.build();
  }

  /** A date-time such as 2024-01-31T23:59:59Z, or a date alone (midnight UTC at its start, as the API reads it). */
  private static Instant instant(String option, String value) {
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      return DataFilterOptions.date(option, value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
  }
}
