package io.nectar.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.AuditPage;
import io.nectar.testing.FixtureCompany;
import io.nectar.testing.FixtureProvider;
import io.nectar.testing.Links;
import io.nectar.testing.Response;
import io.nectar.testing.Shapes;
import io.nectar.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every document endpoint under /v2, /v2.1 and /v2.2 (nectar-api.md §8.1–§8.3, §8.5; CONTRACT §1,
 * §2, §10): the lists by company (and its alias), site and connection, the detail, the version
 * shapes key by key, decimals as strings, the signed file and audit links, and the soft delete.
 */
class DocumentApiTest {
  static TestServer server;
  static TestServer.Tenant live;
  static FixtureCompany fixture;

  @BeforeAll
  static void start() {
    server = FixtureCompany.startServer();
    live = server.tenant("Document Org", Environment.PRODUCTION);
    fixture = FixtureCompany.create(server, live.key(), "Fixture Co");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode ok(String path) {
    Response response = server.get(path, live.key());
    assertThat(response.status()).as(path + " " + response).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    return response.json();
  }

  private static List<String> bills(JsonNode page, FixtureCompany company) {
    List<String> bills = new ArrayList<>();
    page.get("documents").forEach(d -> bills.add(company.billOf(d.get("id").asText())));
    return bills;
  }

  private static JsonNode document(JsonNode page, String id) {
    for (JsonNode d : page.get("documents")) {
      if (d.get("id").asText().equals(id)) {
        return d;
      }
    }
    throw new AssertionError("document " + id + " is not in " + page);
  }

  // ---------------------------------------------------------------- lists

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theCompanyListAndItsAliasShowEveryDocumentInTheEnvelope(String prefix) {
    JsonNode canonical = ok(prefix + "/document/company/" + fixture.companyId());
    JsonNode alias = ok(prefix + "/company/" + fixture.companyId() + "/document");

    assertThat(Shapes.keys(canonical)).containsExactly("totalDocuments", "perPage", "totalPages", "currentPage",
        "hasNext", "hasPrevious", "documents");
    assertThat(canonical.get("totalDocuments").asInt()).isEqualTo(11);
    assertThat(canonical.get("perPage").asInt()).isEqualTo(100);
    assertThat(canonical.get("totalPages").asInt()).isEqualTo(1);
    assertThat(canonical.get("currentPage").asInt()).isEqualTo(1);
    assertThat(canonical.get("hasNext").asBoolean()).isFalse();
    assertThat(canonical.get("hasPrevious").asBoolean()).isFalse();
    assertThat(bills(canonical, fixture)).containsExactlyInAnyOrderElementsOf(FixtureProvider.BILLS);
    assertThat(Shapes.withoutLinks(alias)).isEqualTo(Shapes.withoutLinks(canonical));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theSiteListShowsTheDocumentsOfThatSiteOnly(String prefix) {
    JsonNode first = ok(prefix + "/document/site/" + fixture.site1());
    JsonNode second = ok(prefix + "/document/site/" + fixture.site2());

    assertThat(bills(first, fixture)).containsExactlyInAnyOrder("B01", "B02", "B03", "B06", "B07", "B09");
    assertThat(first.get("totalDocuments").asInt()).isEqualTo(6);
    assertThat(bills(second, fixture)).containsExactlyInAnyOrder("B04", "B05", "B08", "B10", "B11");
    assertThat(second.get("totalDocuments").asInt()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theConnectionListShowsTheConnectionsDocuments(String prefix) {
    JsonNode page = ok(prefix + "/document/connection/" + fixture.connectionId());

    assertThat(Shapes.keys(page)).containsExactly("totalDocuments", "perPage", "totalPages", "currentPage",
        "hasNext", "hasPrevious", "documents");
    assertThat(bills(page, fixture)).containsExactlyElementsOf(
        bills(ok(prefix + "/document/company/" + fixture.companyId()), fixture));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theDetailIsTheSameObjectAsInTheList(String prefix) {
    JsonNode list = ok(prefix + "/document/company/" + fixture.companyId());
    for (String bill : FixtureProvider.BILLS) {
      String id = fixture.document(bill);
      JsonNode detail = ok(prefix + "/document/" + id);
      assertThat(Shapes.withoutLinks(detail)).as(bill).isEqualTo(Shapes.withoutLinks(document(list, id)));
    }
  }

  @Test
  void anUnknownDocumentIs404() {
    Response response = server.get("/v2.2/document/" + UUID.randomUUID(), live.key());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.detail()).isEqualTo("Document not found.");
  }

  // ---------------------------------------------------------------- shapes

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void eachVersionShowsExactlyItsDocumentFields(String prefix) {
    JsonNode page = ok(prefix + "/document/company/" + fixture.companyId());

    for (JsonNode d : page.get("documents")) {
      String bill = fixture.billOf(d.get("id").asText());
      assertThat(Shapes.keys(d)).as(prefix + " " + bill).containsExactlyInAnyOrderElementsOf(Shapes.document(prefix));
      for (JsonNode u : d.get("usageData")) {
        assertThat(Shapes.keys(u)).as(prefix + " usage of " + bill)
            .containsExactlyInAnyOrderElementsOf(Shapes.usage(prefix, false));
        assertThat(Shapes.keys(u.get("site"))).containsExactlyInAnyOrderElementsOf(Shapes.SITE);
        u.get("identifiers").forEach(i -> assertThat(Shapes.keys(i)).containsExactlyInAnyOrderElementsOf(Shapes.IDENTIFIER));
        if (prefix.equals("/v2.2")) {
          u.get("timeOfUseBreakdown").forEach(p ->
              assertThat(Shapes.keys(p)).containsExactlyInAnyOrderElementsOf(Shapes.TIME_OF_USE_PART));
        }
      }
      if (!prefix.equals("/v2")) {
        d.get("lineItems").forEach(l -> assertThat(Shapes.keys(l)).containsExactlyInAnyOrderElementsOf(Shapes.LINE_ITEM));
      }
      if (prefix.equals("/v2.2")) {
        d.get("demandMeters").forEach(m ->
            assertThat(Shapes.keys(m)).containsExactlyInAnyOrderElementsOf(Shapes.DEMAND_METER));
      }
    }
  }

  @Test
  void theVersionsDifferExactlyAsDocumented() {
    String id = fixture.document("B09");
    JsonNode v2 = ok("/v2/document/" + id);
    JsonNode v21 = ok("/v2.1/document/" + id);
    JsonNode v22 = ok("/v2.2/document/" + id);

    assertThat(Shapes.keys(v21)).containsAll(Shapes.keys(v2));
    assertThat(Shapes.keys(v21)).filteredOn(k -> !Shapes.keys(v2).contains(k))
        .containsExactlyInAnyOrder("startDate", "endDate", "isFlagged", "invoiceId", "lineItems");
    assertThat(Shapes.keys(v22)).containsAll(Shapes.keys(v21));
    assertThat(Shapes.keys(v22)).filteredOn(k -> !Shapes.keys(v21).contains(k)).containsExactlyInAnyOrder(
        "previousCloseBalance", "afterPreviousTotalPayment", "afterPreviousCharges", "afterPreviousCredits",
        "currentOpenBalance", "currentCharges", "credits", "taxCharges", "interestCharges", "demandMeters");

    JsonNode u2 = v2.get("usageData").get(0);
    JsonNode u21 = v21.get("usageData").get(0);
    JsonNode u22 = v22.get("usageData").get(0);
    assertThat(u2.has("timeOfUse")).isTrue();
    assertThat(u2.has("timeOfUseBreakdown")).isFalse();
    assertThat(u2.has("isEstimated")).isFalse();
    assertThat(u2.has("updated")).isFalse();
    assertThat(u21.has("timeOfUse")).isTrue();
    assertThat(u21.has("timeOfUseBreakdown")).isFalse();
    assertThat(u21.get("electricityType").asText()).isEqualTo("USAGE");
    assertThat(u22.has("timeOfUse")).isFalse();
    assertThat(u22.get("timeOfUseBreakdown")).hasSize(2);

    // the fields all versions share hold the same values
    for (String key : Shapes.keys(v2)) {
      if (!List.of("url", "auditTrailUrl", "usageData").contains(key)) {
        assertThat(v21.get(key)).as(key).isEqualTo(v2.get(key));
        assertThat(v22.get(key)).as(key).isEqualTo(v2.get(key));
      }
    }
    // v2.2 replaces timeOfUse only: the v2.1 field electricityType stays (UsageView's javadoc)
    assertThat(u22.has("electricityType")).as("v2.2 keeps the v2.1 field electricityType").isTrue();
  }

  @Test
  void theCombinedBillShowsItsFiguresInV22() {
    JsonNode d = ok("/v2.2/document/" + fixture.document("B09"));

    assertThat(d.get("id").asText()).isEqualTo(fixture.document("B09"));
    assertThat(d.get("company").asText()).isEqualTo(fixture.companyId());
    assertThat(d.get("billDate").asText()).isEqualTo("2024-03-31");
    assertThat(d.get("startDate").asText()).isEqualTo("2024-03-01");
    assertThat(d.get("endDate").asText()).isEqualTo("2024-03-31");
    assertThat(d.get("dueDate").asText()).isEqualTo("2024-04-21");
    assertThat(d.get("chargesUnits").asText()).isEqualTo("USD");
    assertThat(d.get("totalCharges").isTextual()).isTrue();
    assertThat(d.get("totalCharges").asText()).isEqualTo("105.25");
    assertThat(d.get("taxCharges").asText()).isEqualTo("5.25");
    assertThat(d.get("utilityCompany").asText()).isEqualTo(FixtureProvider.UTILITY_NAME);
    assertThat(d.get("fileName").asText()).isEqualTo("B09.pdf");
    assertThat(d.get("sourceType").asText()).isEqualTo("INVOICE");
    assertThat(d.get("isFlagged").asBoolean()).isFalse();
    assertThat(d.get("revisedDocumentId").isNull()).isTrue();
    assertThat(d.get("created").asText()).endsWith("Z");
    assertThat(d.get("updated").asText()).endsWith("Z");
    for (String balance : List.of("previousCloseBalance", "afterPreviousTotalPayment", "afterPreviousCharges",
        "afterPreviousCredits", "currentOpenBalance", "currentCharges", "credits", "interestCharges")) {
      assertThat(d.get(balance).isNull()).as(balance).isTrue();
    }

    JsonNode usage = d.get("usageData");
    assertThat(usage).hasSize(2);
    JsonNode electricity = usage.get(0);
    JsonNode water = usage.get(1);
    assertThat(electricity.get("id").asText()).isEqualTo(fixture.usageRow("B09/E1"));
    assertThat(electricity.get("usage").asText()).isEqualTo("500.000");
    assertThat(electricity.get("usageUnits").asText()).isEqualTo("kWh");
    assertThat(electricity.get("startDate").asText()).isEqualTo("2024-03-01");
    assertThat(electricity.get("endDate").asText()).isEqualTo("2024-03-31");
    assertThat(electricity.get("datasourceType").asText()).isEqualTo("ELECTRICITY");
    assertThat(electricity.get("site").get("id").asText()).isEqualTo(fixture.site1());
    assertThat(electricity.get("identifiers").get(0).get("value").asText()).isEqualTo("013-774-6423");
    assertThat(electricity.get("identifiers").get(0).get("rawName").asText()).isEqualTo("Meter Number");
    assertThat(electricity.get("identifiers").get(0).get("name").asText()).isEqualTo("METER");
    assertThat(electricity.get("currentReading").asText()).isEqualTo("10500.0");
    assertThat(electricity.get("previousReading").asText()).isEqualTo("10000.0");
    assertThat(electricity.get("multiplier").asText()).isEqualTo("1.00");
    assertThat(electricity.get("tariff").asText()).isEqualTo("E-1");
    assertThat(electricity.get("utilityName").asText()).isEqualTo(FixtureProvider.UTILITY_NAME);
    assertThat(electricity.get("country").asText()).isEqualTo("US");
    assertThat(electricity.get("serviceAddress").asText()).isEqualTo("1 Volt Street");
    JsonNode peak = electricity.get("timeOfUseBreakdown").get(0);
    assertThat(peak.get("timeOfUse").asText()).isEqualTo("PEAK");
    assertThat(peak.get("usage").asText()).isEqualTo("312.5");
    assertThat(peak.get("usageUnits").asText()).isEqualTo("kWh");
    assertThat(electricity.get("timeOfUseBreakdown").get(1).get("timeOfUse").asText()).isEqualTo("OFF_PEAK");
    assertThat(electricity.get("timeOfUseBreakdown").get(1).get("usage").asText()).isEqualTo("187.5");
    assertThat(water.get("id").asText()).isEqualTo(fixture.usageRow("B09/W1"));
    assertThat(water.get("usage").asText()).isEqualTo("12.5");
    assertThat(water.get("usageUnits").asText()).isEqualTo("cubic m");
    assertThat(water.get("startDate").asText()).isEqualTo("2024-02-20");
    assertThat(water.get("endDate").asText()).isEqualTo("2024-03-19");
    assertThat(water.get("isEstimated").asBoolean()).isTrue();
    assertThat(water.get("waterType").asText()).isEqualTo("POTABLE_WATER");
    assertThat(water.get("timeOfUseBreakdown")).isEmpty();

    JsonNode lines = d.get("lineItems");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).get("description").asText()).isEqualTo("Energy charge");
    assertThat(lines.get(0).get("quantity").asText()).isEqualTo("500.000");
    assertThat(lines.get(0).get("quantityUnits").asText()).isEqualTo("kWh");
    assertThat(lines.get(0).get("rate").asText()).isEqualTo("0.120000");
    assertThat(lines.get(0).get("totalCharge").asText()).isEqualTo("60.00");
    assertThat(lines.get(0).get("electricityChargeType").asText()).isEqualTo("SUPPLY");
    assertThat(lines.get(0).get("electricityIsDemand").asBoolean()).isFalse();
    assertThat(lines.get(0).get("billingPeriod").asText()).isEqualTo("CURRENT");
    assertThat(lines.get(1).get("description").asText()).isEqualTo("Water charge");
    assertThat(lines.get(2).get("description").asText()).isEqualTo("Sales tax");
    assertThat(lines.get(2).get("chargeType").asText()).isEqualTo("TAX");
    assertThat(lines.get(2).get("quantity").isNull()).isTrue();
    assertThat(lines.get(2).get("totalCharge").asText()).isEqualTo("5.25");

    JsonNode demand = d.get("demandMeters");
    assertThat(demand).hasSize(1);
    assertThat(demand.get(0).get("demandUsage").asText()).isEqualTo("84.2");
    assertThat(demand.get(0).get("demandUsageUnits").asText()).isEqualTo("kW");
    assertThat(demand.get(0).get("demandType").asText()).isEqualTo("PEAK");
    assertThat(demand.get(0).get("description").asText()).isEqualTo("Peak demand");
    assertThat(demand.get(0).get("startDate").asText()).isEqualTo("2024-03-01");
    assertThat(demand.get(0).get("endDate").asText()).isEqualTo("2024-03-31");
    assertThat(demand.get(0).get("isEstimated").asBoolean()).isFalse();
    assertThat(demand.get(0).get("usageDataIds")).hasSize(1);
    assertThat(demand.get(0).get("usageDataIds").get(0).asText()).isEqualTo(fixture.usageRow("B09/E1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void decimalsAreStringsAndNoNumberAppearsInADocument(String prefix) {
    JsonNode page = ok(prefix + "/document/company/" + fixture.companyId());

    for (JsonNode d : page.get("documents")) {
      Shapes.assertNoNumbers(d, prefix + " " + fixture.billOf(d.get("id").asText()));
      assertThat(d.get("totalCharges").isTextual()).isTrue();
      d.get("usageData").forEach(u -> assertThat(u.get("usage").isTextual()).isTrue());
    }
    JsonNode b04 = ok(prefix + "/document/" + fixture.document("B04"));
    assertThat(b04.get("totalCharges").asText()).isEqualTo("40.10");
    assertThat(b04.get("usageData").get(0).get("usage").asText()).isEqualTo("400.50");
    assertThat(b04.get("usageData").get(0).get("usageUnits").asText()).isEqualTo("thm (US)");
  }

  // ---------------------------------------------------------------- links

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theUrlDownloadsTheBillAsAPdf(String prefix) {
    JsonNode d = ok(prefix + "/document/" + fixture.document("B09"));

    HttpResponse<byte[]> file = Links.get(server, d.get("url").asText());

    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(file.body()).isEqualTo(FixtureProvider.pdf("B09"));
    assertThat(new String(file.body(), StandardCharsets.US_ASCII)).startsWith("%PDF-");
  }

  @Test
  void aDocumentWithoutAFileHasANullUrl() {
    assertThat(ok("/v2.2/document/" + fixture.document("B10")).get("url").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theAuditTrailUrlOpensThePageOfHowTheBillArrived(String prefix) {
    String id = fixture.document("B09");
    JsonNode d = ok(prefix + "/document/" + id);

    AuditPage page = AuditPage.open(server, d.get("auditTrailUrl").asText());

    assertThat(page.text()).contains(id, "B09.pdf", FixtureProvider.UTILITY_NAME, fixture.connectionId());
    assertThat(page.events("CREATED")).hasSize(1);
    AuditPage.Event created = page.events("CREATED").get(0);
    assertThat(created.actor()).contains(fixture.connectionId());
    assertThat(created.detail().get("fileName").asText()).isEqualTo("B09.pdf");
    assertThat(created.detail().get("url").asText()).isEqualTo(FixtureProvider.ROOT_URL);
  }

  // ---------------------------------------------------------------- delete

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void aDeletedDocumentAndItsUsageLeaveEveryListUnlessIsDeletedIsAsked(String prefix) {
    FixtureCompany company = FixtureCompany.create(server, live.key(), "Deleting Co " + prefix);
    String id = company.document("B05");
    String usageId = company.usageRow("B05/G1");

    Response deleted = server.delete(prefix + "/document/" + id, live.key());

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    for (String list : List.of("/document/company/" + company.companyId(), "/company/" + company.companyId() + "/document",
        "/document/site/" + company.site2(), "/document/connection/" + company.connectionId())) {
      JsonNode page = ok(prefix + list);
      assertThat(bills(page, company)).as(list).doesNotContain("B05");
      assertThat(page.get("totalDocuments").asInt()).as(list)
          .isEqualTo(list.contains("/site/") ? 4 : FixtureProvider.BILLS.size() - 1);
      JsonNode withDeleted = ok(prefix + list + "?isDeleted=true");
      assertThat(bills(withDeleted, company)).as(list).contains("B05");
      assertThat(withDeleted.get("totalDocuments").asInt()).as(list)
          .isEqualTo(list.contains("/site/") ? 5 : FixtureProvider.BILLS.size());
    }
    for (String list : List.of("/usage/company/" + company.companyId(), "/company/" + company.companyId() + "/usage",
        "/usage/site/" + company.site2(), "/usage/connection/" + company.connectionId())) {
      JsonNode page = ok(prefix + list);
      List<String> ids = new ArrayList<>();
      page.get("usageData").forEach(u -> ids.add(u.get("id").asText()));
      assertThat(ids).as(list).doesNotContain(usageId).isNotEmpty();
      assertThat(page.get("totalUsageData").asInt()).as(list)
          .isEqualTo(list.contains("/site/") ? 4 : FixtureProvider.USAGE.size() - 1);
    }
    Response usageOfDeleted = server.get(prefix + "/usage/document/" + id, live.key());
    assertThat(usageOfDeleted.status()).as(usageOfDeleted.toString()).isEqualTo(404);
    assertThat(usageOfDeleted.detail()).isEqualTo("Document not found.");
    assertThat(server.get(prefix + "/usage/" + usageId, live.key()).status()).isEqualTo(404);
    // the other documents keep their usage
    assertThat(ok(prefix + "/usage/document/" + company.document("B04")).get("totalUsageData").asInt()).isEqualTo(1);

    JsonNode shown = document(ok(prefix + "/document/company/" + company.companyId() + "?isDeleted=true"), id);
    AuditPage page = AuditPage.open(server, shown.get("auditTrailUrl").asText());
    assertThat(page.events("DELETED")).hasSize(1);
    assertThat(page.events("DELETED").get(0).actor()).contains(live.keyId().toString());
  }
}
