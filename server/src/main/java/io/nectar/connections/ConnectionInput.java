package io.nectar.connections;

import io.nectar.http.Api;
import io.nectar.http.Fields;
import io.nectar.meters.DatasourceType;
import io.nectar.providers.ProviderRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The body of a basic (username and password) connection create, nectar-api.md §5.3. Its
 * {@code dataCollectionStartDate} is only well-formed here: the service, which knows the clock and
 * the configured earliest date, checks its bounds ({@link io.nectar.companies.CollectionStartDates}).
 */
record ConnectionInput(
    String url,
    String username,
    String password,
    List<UUID> sites,
    String country,
    List<DatasourceType> datasourceTypes,
    LocalDate dataCollectionStartDate,
    String ownerEmail,
    boolean multiplyByOccupancy,
    String externalId) {

  static ConnectionInput read(Fields fields) {
    fields.require("url", "username", "password", "sites", "country");
    String url = fields.text("url", 500, Fields.Empty.REFUSED);
    String username = fields.text("username", 255, Fields.Empty.REFUSED);
    String password = fields.exactText("password", 500);
    List<String> rawSites = fields.textList("sites", 100, 36);
    String country = fields.text("country", 2, Fields.Empty.REFUSED);
    // The object calls them initialDatasourceTypes, invitations call them utilityTypes: accept all three.
    Map<String, List<String>> typesByField = new LinkedHashMap<>();
    for (String name : List.of("datasourceTypes", "initialDatasourceTypes", "utilityTypes")) {
      List<String> given = fields.textList(name, 10, 20);
      if (given != null) {
        typesByField.put(name, given);
      }
    }
    LocalDate start = fields.date("dataCollectionStartDate", Fields.Empty.ALLOWED);
    String owner = fields.email("workflowOwnerEmail", Fields.Empty.ALLOWED);
    String ownerAlias = fields.email("connectionOwnerEmail", Fields.Empty.ALLOWED);
    Boolean multiply = fields.bool("multiplyByOccupancy");
    String externalId = fields.text("externalId", 255, Fields.Empty.ALLOWED);

    List<UUID> sites = new ArrayList<>();
    if (rawSites != null) {
      for (String raw : rawSites) {
        Api.uuid(raw).ifPresentOrElse(sites::add, () -> fields.reject("sites", "\"" + raw + "\" is not a valid UUID."));
      }
      if (rawSites.isEmpty()) {
        fields.reject("sites", "Give at least one site.");
      }
    }
    if (url != null && !ProviderRegistry.isWebAddress(url)) {
      fields.reject("url", "Enter a valid URL, e.g. https://nectarclimate.com.");
    }
    // Any two letters, as Nectar's sandbox guide says: codes such as XK (Kosovo) or UK are in real use.
    if (country != null && !country.matches("[A-Za-z]{2}")) {
      fields.reject("country", "\"" + country + "\" is not a valid choice: use a two-letter country code.");
    }
    Set<DatasourceType> parsedTypes = new LinkedHashSet<>();
    typesByField.forEach((name, types) -> {
      for (String type : types) {
        DatasourceType.parse(type).ifPresentOrElse(parsedTypes::add,
            () -> fields.reject(name, "\"" + type + "\" is not a valid choice."));
      }
    });
    fields.finish();
    return new ConnectionInput(url, username, password, List.copyOf(new LinkedHashSet<>(sites)),
        country.toUpperCase(Locale.ROOT), List.copyOf(parsedTypes), start, owner != null ? owner : ownerAlias,
        multiply != null && multiply, externalId);
  }

  @Override
  public String toString() {
    return "ConnectionInput[" + url + ", " + username + ", sites " + sites + "]"; // never the password
  }
}
