package io.nectar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.providers.ProviderRegistry;
import io.nectar.providers.sandbox.SandboxProvider;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A company whose data came from {@link FixtureProvider}, set up over HTTP: the company, two sites,
 * a connection to the fixture utility, and the ids its documents and usage rows received, by bill
 * key ({@code "B09"}) and by {@code bill/meter} ({@code "B09/W1"}).
 */
public record FixtureCompany(String companyId, String site1, String site2, String connectionId,
    Map<String, String> documents, Map<String, String> usage) {

  /** A server that knows the sandbox and the fixture utility. */
  public static TestServer startServer() {
    return TestServer.start(Map.of(), new ProviderRegistry(new SandboxProvider(), new FixtureProvider()),
        TestDatabase.freshDatabaseUrl());
  }

  /** Creates the company with {@code key} (a PRODUCTION key) and waits until its bills are collected. */
  public static FixtureCompany create(TestServer server, String key, String name) {
    Response company = server.postJson("/v2.2/company", key, "{\"name\": \"" + name + "\"}");
    assertThat(company.status()).as(company.toString()).isEqualTo(201);
    String companyId = company.json().get("id").asText();
    String site1 = site(server, key, companyId, name + " site 1");
    String site2 = site(server, key, companyId, name + " site 2");
    Response connection = server.postJson("/v2.2/connection/company/" + companyId, key, """
        {"url": "%s", "username": "%s", "password": "fixture-password", "sites": ["%s", "%s"], "country": "US"}"""
        .formatted(FixtureProvider.ROOT_URL, FixtureProvider.USERNAME, site1, site2));
    assertThat(connection.status()).as(connection.toString()).isEqualTo(201);
    assertThat(connection.json().get("status").asText()).isEqualTo("CONNECTED");
    String connectionId = connection.json().get("id").asText();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(server.get("/v2.2/document/connection/" + connectionId, key).json().get("totalDocuments").asInt())
          .isEqualTo(FixtureProvider.BILLS.size());
      assertThat(server.get("/v2.2/usage/connection/" + connectionId, key).json().get("totalUsageData").asInt())
          .isEqualTo(FixtureProvider.USAGE.size());
    });

    Map<String, String> documents = new HashMap<>();
    for (JsonNode d : server.get("/v2.2/document/connection/" + connectionId, key).json().get("documents")) {
      documents.put(billKey(d), d.get("id").asText());
    }
    Map<String, String> usage = new HashMap<>();
    for (JsonNode u : server.get("/v2.2/usage/connection/" + connectionId, key).json().get("usageData")) {
      usage.put(usageKey(u), u.get("id").asText());
    }
    assertThat(documents.keySet()).containsExactlyInAnyOrderElementsOf(FixtureProvider.BILLS);
    assertThat(usage.keySet()).containsExactlyInAnyOrderElementsOf(FixtureProvider.USAGE);
    return new FixtureCompany(companyId, site1, site2, connectionId, Map.copyOf(documents), Map.copyOf(usage));
  }

  private static String site(TestServer server, String key, String companyId, String name) {
    Response site = server.postJson("/v2.2/site/company/" + companyId, key, "{\"name\": \"" + name + "\"}");
    assertThat(site.status()).as(site.toString()).isEqualTo(201);
    return site.json().get("id").asText();
  }

  /** "B09" for a document object (its file is B09.pdf). */
  public static String billKey(JsonNode document) {
    return document.get("fileName").asText().replace(".pdf", "");
  }

  /** "B09/W1" for a usage object (with its embedded document). */
  public static String usageKey(JsonNode usage) {
    return billKey(usage.get("document")) + "/"
        + FixtureProvider.meterKeyOfIdentifier(usage.get("identifiers").get(0).get("value").asText());
  }

  public String document(String bill) {
    return documents.get(bill);
  }

  public String usageRow(String key) {
    return usage.get(key);
  }

  /** The ids of these bills, in the order given. */
  public List<String> documentIds(String... bills) {
    return Arrays.stream(bills).map(documents::get).toList();
  }

  public List<String> usageIds(String... keys) {
    return Arrays.stream(keys).map(usage::get).toList();
  }

  /** The bill key of a document id. */
  public String billOf(String documentId) {
    return documents.entrySet().stream().filter(e -> e.getValue().equals(documentId)).findFirst()
        .map(Map.Entry::getKey).orElse(documentId);
  }

  /** The usage key of a usage id. */
  public String usageOf(String usageId) {
    return usage.entrySet().stream().filter(e -> e.getValue().equals(usageId)).findFirst()
        .map(Map.Entry::getKey).orElse(usageId);
  }
}
