package io.nectar.cli;

import io.nectar.client.NectarClient;
import io.nectar.client.Page;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The resources {@code get} and {@code list} know: the names they go by, the table's columns, how to
 * fetch one by id and how to list them within a scope (a company, a site, a connection...).
 */
enum Resource {
  COMPANY(List.of("company", "companies"),
      List.of(Column.of("ID", "id"), Column.of("NAME", "name"), Column.of("EXTERNAL ID", "externalId"),
          Column.count("SITES", "sites"), Column.of("COLLECTS FROM", "dataCollectionStartDate")),
      EnumSet.noneOf(Scope.class)),
  SITE(List.of("site", "sites"),
      List.of(Column.of("ID", "id"), Column.of("NAME", "name"), Column.of("EXTERNAL ID", "externalId"),
          Column.of("ADDRESS", "address"), Column.of("ARCHIVED", "dataCollectionStopDate")),
      EnumSet.of(Scope.COMPANY)),
  CONNECTION(List.of("connection", "connections"),
      List.of(Column.of("ID", "id"), Column.of("STATUS", "status"), Column.of("URL", "url"),
          Column.of("USERNAME", "username"), Column.count("ACCOUNTS", "accounts"), Column.of("CREATED", "created")),
      EnumSet.of(Scope.COMPANY)),
  ACCOUNT(List.of("account", "accounts"),
      List.of(Column.of("ID", "id"), Column.of("NUMBER", "accountNumber"), Column.of("TRACKED", "isTracked"),
          Column.of("TYPES", "datasourceTypes"), Column.count("METERS", "meters"),
          Column.of("LAST SERVICE", "lastServiceDate")),
      EnumSet.of(Scope.CONNECTION)),
  METER(List.of("meter", "meters"),
      List.of(Column.of("ID", "id"), Column.of("TYPE", "datasourceType"),
          Column.joined("IDENTIFIERS", "identifiers", "value"), Column.of("SITE", "site"),
          Column.of("ADDRESS", "address"), Column.of("TRACKED", "isTracked")),
      EnumSet.of(Scope.COMPANY, Scope.SITE, Scope.CONNECTION)),
  INTERVAL(List.of("interval", "intervals"),
      List.of(Column.of("ID", "id"), Column.of("START", "start"), Column.of("END", "end"), Column.of("USAGE", "usage"),
          Column.of("UNITS", "usageUnits"), Column.joined("IDENTIFIERS", "identifiers", "value"),
          Column.of("QUALITY", "quality")),
      EnumSet.of(Scope.CONNECTION)),
  DOCUMENT(List.of("document", "documents"),
      List.of(Column.of("ID", "id"), Column.of("BILL DATE", "billDate"), Column.of("UTILITY", "utilityCompany"),
          Column.of("TOTAL", "totalCharges"), Column.of("CURRENCY", "chargesUnits"), Column.of("STATUS", "status"),
          Column.of("FILE", "fileName")),
      EnumSet.of(Scope.COMPANY, Scope.SITE, Scope.CONNECTION)),
  USAGE(List.of("usage", "usages", "usage-data"),
      List.of(Column.of("ID", "id"), Column.of("START", "startDate"), Column.of("END", "endDate"),
          Column.of("TYPE", "datasourceType"), Column.of("USAGE", "usage"), Column.of("UNITS", "usageUnits"),
          Column.joined("METER", "identifiers", "value"), Column.of("SITE", "site.name")),
      EnumSet.of(Scope.COMPANY, Scope.SITE, Scope.CONNECTION, Scope.DOCUMENT)),
  JOB(List.of("job", "jobs"),
      List.of(Column.of("ID", "id"), Column.of("STATUS", "status"), Column.of("CREATED", "created"),
          Column.count("PARSED", "parsedDocumentIds"), Column.of("DUPLICATES", "duplicates"),
          Column.joined("FILES", "files", "fileName"), Column.of("REASON", "terminationReason")),
      EnumSet.of(Scope.COMPANY)),
  INVITATION(List.of("invitation", "invitations"),
      List.of(Column.of("ID", "id"), Column.of("TYPE", "invitationType"), Column.of("STATUS", "status"),
          Column.of("USES", "useCount"), Column.of("EXPIRES", "expiresAt"), Column.of("URL", "invitationUrl")),
      EnumSet.of(Scope.COMPANY)),
  WEBHOOK_ENDPOINT(List.of("webhook-endpoint", "webhook-endpoints", "endpoint", "endpoints"),
      List.of(Column.of("ID", "id"), Column.of("URL", "url"), Column.of("EVENTS", "eventTypes"),
          Column.of("DISABLED", "isDisabled"), Column.of("DESCRIPTION", "description")),
      EnumSet.noneOf(Scope.class)),
  WEBHOOK_ATTEMPT(List.of("webhook-attempt", "webhook-attempts", "attempt", "attempts"),
      List.of(Column.of("MESSAGE", "messageId"), Column.of("EVENT", "eventType"), Column.of("AT", "attemptedAt"),
          Column.of("OK", "succeeded"), Column.of("STATUS", "statusCode"), Column.of("MS", "durationMs"),
          Column.of("ERROR", "error")),
      EnumSet.of(Scope.ENDPOINT));

  /** What a list is taken within: the option that names it. */
  enum Scope {
    COMPANY("--company"), SITE("--site"), CONNECTION("--connection"), DOCUMENT("--document"), ENDPOINT("--endpoint");

    final String option;

    Scope(String option) {
      this.option = option;
    }
  }

  private final List<String> names;
  private final List<Column> columns;
  private final Set<Scope> scopes;

  Resource(List<String> names, List<Column> columns, Set<Scope> scopes) {
    this.names = names;
    this.columns = columns;
    this.scopes = scopes;
  }

  String displayName() {
    return names.get(0);
  }

  List<Column> columns() {
    return columns;
  }

  Set<Scope> scopes() {
    return scopes;
  }

  static Resource named(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Resource resource : values()) {
      if (resource.names.contains(wanted)) {
        return resource;
      }
    }
    throw new UsageException("unknown resource " + name + "; one of " + allNames());
  }

  static String allNames() {
    List<String> all = new ArrayList<>();
    for (Resource resource : values()) {
      all.add(resource.displayName());
    }
    return String.join(", ", all);
  }

  /** One object by id. */
  Object get(NectarClient nectar, UUID id) {
    return switch (this) {
      case COMPANY -> nectar.companies().get(id);
      case SITE -> nectar.sites().get(id);
      case CONNECTION -> nectar.connections().get(id);
      case METER -> nectar.meters().get(id);
      case DOCUMENT -> nectar.documents().get(id);
      case USAGE -> nectar.usage().get(id);
      case JOB -> nectar.jobs().get(id);
      case INVITATION -> nectar.invitations().get(id);
      case WEBHOOK_ENDPOINT -> nectar.webhooks().getEndpoint(id);
      case ACCOUNT, INTERVAL, WEBHOOK_ATTEMPT -> throw new UsageException("the API has no get for a "
          + displayName() + "; use list " + displayName() + " " + String.join("|",
              scopes.stream().map(s -> s.option + " ID").toList()));
    };
  }

  /** A list: either a page (with the way to the next) or, where the API returns a bare array, all of it. */
  sealed interface Listing permits Paged, Whole {}

  record Paged(Page<?> page) implements Listing {}

  record Whole(List<?> items) implements Listing {}

  Listing list(NectarClient nectar, ListQuery query) {
    UUID id = query.id();
    return switch (this) {
      case COMPANY -> new Whole(nectar.companies().list());
      case SITE -> new Whole(nectar.companies().get(id).sites());
      case CONNECTION -> new Paged(nectar.connections().list(id, query.connectionFilter()));
      case ACCOUNT -> new Whole(nectar.connections().get(id).accounts());
      case METER -> new Paged(switch (query.scope()) {
        case SITE -> nectar.meters().listBySite(id);
        case CONNECTION -> nectar.meters().listByConnection(id);
        default -> nectar.meters().listByCompany(id);
      });
      case INTERVAL -> new Paged(nectar.intervals().listByConnection(id, query.intervalFilter()));
      case DOCUMENT -> new Paged(switch (query.scope()) {
        case SITE -> nectar.documents().listBySite(id, query.dataFilter());
        case CONNECTION -> nectar.documents().listByConnection(id, query.dataFilter());
        default -> nectar.documents().listByCompany(id, query.dataFilter());
      });
      case USAGE -> new Paged(switch (query.scope()) {
        case SITE -> nectar.usage().listBySite(id, query.dataFilter());
        case CONNECTION -> nectar.usage().listByConnection(id, query.dataFilter());
        case DOCUMENT -> nectar.usage().listByDocument(id, query.dataFilter());
        default -> nectar.usage().listByCompany(id, query.dataFilter());
      });
      case JOB -> new Paged(nectar.jobs().list(id));
      case INVITATION -> new Paged(nectar.invitations().list(id));
      case WEBHOOK_ENDPOINT -> new Whole(nectar.webhooks().listEndpoints());
      case WEBHOOK_ATTEMPT -> new Paged(nectar.webhooks().listAttempts(id));
    };
  }
}
