package io.nectar.connections;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.accounts.AccountView;
import io.nectar.http.Json;

/** The Connection object (nectar-api.md §5.1), also the body of connection webhooks. */
public final class ConnectionView {
  private ConnectionView() {}

  public static ObjectNode render(ConnectionService.ConnectionDetails details) {
    return render(details, null);
  }

  /**
   * The object with {@code connectionMagicLinkSecret} filled: only the edit magic-link endpoint
   * shows it (never a webhook event, never a list), so a secret leaves only when asked for.
   */
  public static ObjectNode render(ConnectionService.ConnectionDetails details, String magicLinkSecret) {
    Connection c = details.connection();
    ObjectNode json = Json.object();
    json.put("id", c.id().toString());
    json.put("created", Json.timestamp(c.created()));
    // The company's public id: its own id is private to the organization's keys (nectar-api.md §11.2).
    json.put("publicCompanyId", details.company().publicId());
    json.put("connectionMagicLinkSecret", magicLinkSecret);
    json.put("statusLastUpdateTime", Json.timestamp(c.statusLastUpdateTime()));
    json.put("statusFirstSeenTime", Json.timestamp(c.statusFirstSeenTime()));
    json.put("statusErrorDetail", c.statusErrorDetail());
    json.put("updated", Json.timestamp(c.updated()));
    json.put("externalId", c.externalId());
    json.putObject("datasource").put("name", c.providerName()).put("url", c.url());
    ArrayNode accounts = json.putArray("accounts");
    details.accounts().forEach(a -> accounts.add(AccountView.render(a.account(), a.meters())));
    json.putObject("company")
        .put("id", details.company().id().toString())
        .put("name", details.company().name())
        .put("externalId", details.company().externalId())
        .put("publicId", details.company().publicId());
    json.put("url", c.url());
    json.put("status", c.status().name());
    json.put("country", c.country());
    json.set("initialSites", Json.strings(c.initialSites().stream().map(Object::toString).toList()));
    json.set("initialDatasourceTypes", Json.strings(c.initialDatasourceTypes().stream().map(Enum::name).toList()));
    json.put("username", c.username());
    json.put("workflowOwnerEmail", c.workflowOwnerEmail());
    json.put("dataCollectionStartDate", Json.date(c.dataCollectionStartDate()));
    json.put("multiplyByOccupancy", c.multiplyByOccupancy());
    json.put("isActive", c.isActive());
    return json;
  }
}
