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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code list RESOURCE [scope] [filters]}: the first page (or with --all every page, streamed). */
@Command(name = "list", description = {"List objects, the first page unless --all is given.",
    "RESOURCE and its scope: company; site --company; connection --company; account --connection;",
    "meter --company|--site; interval --connection; document --company|--site|--connection;",
    "usage --company|--site; job --company; invitation --company; webhook-endpoint; webhook-attempt --endpoint."})
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

  @Option(names = "--all", description = "Every page, not only the first")
  boolean all;

  @Override
  public Integer call() throws Exception {
    Resource what = Resource.named(resource);
    ListQuery query = query(what);
    Resource.Listing listing = what.list(client(), query);
    if (listing instanceof Resource.Whole whole) {
      print(what, whole.items(), Optional.empty());
    } else {
      Page<?> page = ((Resource.Paged) listing).page();
      print(what, all ? page.autoPaginate() : page.items(), Optional.of(page));
    }
    return ExitCode.OK;
  }

  /** Prints the items as they come (a table a page at a time, or one JSON array written element by element). */
  private void print(Resource what, Iterable<?> items, Optional<Page<?>> first) throws Exception {
    var out = context().out();
    long count = 0;
    if (format() == NectarCli.Format.JSON) {
      try (JsonGenerator array = json().getFactory().createGenerator(out)) {
        array.useDefaultPrettyPrinter();
        array.writeStartArray();
        for (Object item : items) {
          json().writeTree(array, tree(item));
          count++;
        }
        array.writeEndArray();
      }
      out.println();
    } else {
      Table table = new Table(out, what.columns());
      List<JsonNode> batch = new ArrayList<>();
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
    if (first.isPresent() && !all && first.get().hasNext()) {
      Page<?> page = first.get();
      context().err().println("Page 1 of " + page.totalPages()
          + page.total().stream().mapToObj(t -> " (" + t + " in all)").findFirst().orElse("")
          + "; --all prints every page.");
    }
  }

  private ListQuery query(Resource what) {
    List<String> given = new ArrayList<>();
    checkScope(what, Resource.Scope.COMPANY, company, given);
    checkScope(what, Resource.Scope.SITE, site, given);
    checkScope(what, Resource.Scope.CONNECTION, connection, given);
    checkScope(what, Resource.Scope.ENDPOINT, endpoint, given);
    boolean connectionSites = what == Resource.CONNECTION && site != null;
    if (!what.scopes().isEmpty() && given.isEmpty()) {
      throw new UsageException("list " + what.displayName() + " needs " + String.join(" or ",
          what.scopes().stream().map(s -> s.option + " ID").toList()));
    }
    if (given.size() > 1 && !connectionSites) {
      throw new UsageException("list " + what.displayName() + " takes one of " + String.join(", ", given));
    }
    boolean dataFilters = what == Resource.DOCUMENT || what == Resource.USAGE || what == Resource.INTERVAL;
    only(dataFilters || filter.isEmpty(), what, "--from, --to, --date-type, --type and --identifier");
    only(what != Resource.INTERVAL || filter.dateType == null, what, "--date-type");
    only(what == Resource.DOCUMENT || !deleted, what, "--deleted");
    only(what == Resource.CONNECTION || (status == null && ownerEmail == null && limit == null), what,
        "--status, --owner-email and --limit");
    return new ListQuery(id("--company", company), connectionSites ? null : id("--site", site),
        id("--connection", connection), id("--endpoint", endpoint), documentFilter(what), usageFilter(what),
        connectionFilter(what), intervalFilter(what));
  }

  private static void checkScope(Resource what, Resource.Scope scope, String value, List<String> given) {
    if (value == null) {
      return;
    }
    boolean connectionSite = what == Resource.CONNECTION && scope == Resource.Scope.SITE;
    if (!what.scopes().contains(scope) && !connectionSite) {
      throw new UsageException("list " + what.displayName() + " does not take " + scope.option
          + (what.scopes().isEmpty() ? "" : "; it takes " + String.join(" or ",
              what.scopes().stream().map(s -> s.option).toList())));
    }
    if (!connectionSite) {
      given.add(scope.option);
    }
  }

  private static void only(boolean allowed, Resource what, String options) {
    if (!allowed) {
      throw new UsageException("list " + what.displayName() + " does not take " + options);
    }
  }

  private static UUID id(String option, String value) {
    return value == null ? null : Ids.parse(option, value);
  }

  private DataFilter documentFilter(Resource what) {
    if (what != Resource.DOCUMENT) {
      return null;
    }
    return deleted ? filter.toBuilder().isDeleted(true).build() : filter.toFilter();
  }

  private DataFilter usageFilter(Resource what) {
    return what == Resource.USAGE ? filter.toFilter() : null;
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
