package io.nectar.usage;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every usage-data endpoint under /v2, /v2.1 and /v2.2 (nectar-api.md §8.4, §8.5; CONTRACT §1,
 * §2, §10): the lists by company (and its alias), site, connection and document, the detail, the
 * version shapes key by key, and corrections with PATCH: what they change, what the audit trail
 * records, and that an invalid one changes nothing.
 */
class UsageApiTest {
  private static final List<String> PREFIXES = List.of("/v2", "/v2.1", "/v2.2");

  static TestServer server;
  static TestServer.Tenant live;
  static FixtureCompany fixture;
  /** A company that only invalid PATCH requests are sent to: its data must stay as collected. */
  static FixtureCompany untouched;

  @BeforeAll
  static void start() {
    server = FixtureCompany.startServer();
    live = server.tenant("Usage Org", Environment.PRODUCTION);
    fixture = FixtureCompany.create(server, live.key(), "Fixture Co");
    untouched = FixtureCompany.create(server, live.key(), "Untouched Co");
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

  private static List<String> rows(JsonNode page, FixtureCompany company) {
    List<String> rows = new ArrayList<>();
    page.get("usageData").forEach(u -> rows.add(company.usageOf(u.get("id").asText())));
    return rows;
  }

  private static JsonNode row(JsonNode page, String id) {
    for (JsonNode u : page.get("usageData")) {
      if (u.get("id").asText().equals(id)) {
        return u;
      }
    }
    throw new AssertionError("usage " + id + " is not in " + page);
  }

  // ---------------------------------------------------------------- lists

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theCompanyListAndItsAliasShowEveryRowInTheEnvelope(String prefix) {
    JsonNode canonical = ok(prefix + "/usage/company/" + fixture.companyId());
    JsonNode alias = ok(prefix + "/company/" + fixture.companyId() + "/usage");

    assertThat(Shapes.keys(canonical)).containsExactly("totalUsageData", "perPage", "totalPages", "currentPage",
        "hasNext", "hasPrevious", "usageData");
    assertThat(canonical.get("totalUsageData").asInt()).isEqualTo(12);
    assertThat(canonical.get("perPage").asInt()).isEqualTo(100);
    assertThat(canonical.get("totalPages").asInt()).isEqualTo(1);
    assertThat(canonical.get("currentPage").asInt()).isEqualTo(1);
    assertThat(canonical.get("hasNext").asBoolean()).isFalse();
    assertThat(canonical.get("hasPrevious").asBoolean()).isFalse();
    assertThat(rows(canonical, fixture)).containsExactlyInAnyOrderElementsOf(FixtureProvider.USAGE);
    assertThat(Shapes.withoutLinks(alias)).isEqualTo(Shapes.withoutLinks(canonical));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theSiteConnectionAndDocumentListsShowTheirRowsOnly(String prefix) {
    assertThat(rows(ok(prefix + "/usage/site/" + fixture.site1()), fixture)).containsExactlyInAnyOrder(
        "B01/E1", "B02/E1", "B03/E1", "B09/E1", "B06/W1", "B07/W1", "B09/W1");
    assertThat(rows(ok(prefix + "/usage/site/" + fixture.site2()), fixture)).containsExactlyInAnyOrder(
        "B04/G1", "B05/G1", "B10/G1", "B08/E2", "B11/E2");
    assertThat(rows(ok(prefix + "/usage/connection/" + fixture.connectionId()), fixture))
        .containsExactlyElementsOf(rows(ok(prefix + "/usage/company/" + fixture.companyId()), fixture));
    JsonNode b09 = ok(prefix + "/usage/document/" + fixture.document("B09"));
    assertThat(Shapes.keys(b09)).containsExactly("totalUsageData", "perPage", "totalPages", "currentPage",
        "hasNext", "hasPrevious", "usageData");
    // a document's own rows come in the bill's order
    assertThat(rows(b09, fixture)).containsExactly("B09/E1", "B09/W1");
    assertThat(rows(ok(prefix + "/usage/document/" + fixture.document("B04")), fixture)).containsExactly("B04/G1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theDetailIsTheSameObjectAsInTheLists(String prefix) {
    JsonNode list = ok(prefix + "/usage/company/" + fixture.companyId());
    for (String key : FixtureProvider.USAGE) {
      String id = fixture.usageRow(key);
      JsonNode detail = ok(prefix + "/usage/" + id);
      assertThat(Shapes.withoutLinks(detail)).as(key).isEqualTo(Shapes.withoutLinks(row(list, id)));
      JsonNode ofDocument = ok(prefix + "/usage/document/" + fixture.document(key.substring(0, 3)));
      assertThat(Shapes.withoutLinks(row(ofDocument, id))).as(key).isEqualTo(Shapes.withoutLinks(detail));
    }
  }

  @Test
  void anUnknownUsageRowIs404() {
    Response get = server.get("/v2.2/usage/" + UUID.randomUUID(), live.key());
    Response patch = server.patchJson("/v2.2/usage/" + UUID.randomUUID(), live.key(), "{\"usage\": \"1\"}");
    Response ofDocument = server.get("/v2.2/usage/document/" + UUID.randomUUID(), live.key());

    assertThat(get.status()).isEqualTo(404);
    assertThat(get.detail()).isEqualTo("Usage data not found.");
    assertThat(patch.status()).isEqualTo(404);
    assertThat(patch.detail()).isEqualTo("Usage data not found.");
    assertThat(ofDocument.status()).isEqualTo(404);
    assertThat(ofDocument.detail()).isEqualTo("Document not found.");
  }

  // ---------------------------------------------------------------- shapes

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void eachVersionShowsExactlyItsUsageFields(String prefix) {
    for (JsonNode u : ok(prefix + "/usage/company/" + fixture.companyId()).get("usageData")) {
      String key = fixture.usageOf(u.get("id").asText());
      assertThat(Shapes.keys(u)).as(prefix + " " + key).containsExactlyInAnyOrderElementsOf(Shapes.usage(prefix, true));
      assertThat(Shapes.keys(u.get("document"))).as(prefix + " document of " + key)
          .containsExactlyInAnyOrderElementsOf(Shapes.DOCUMENT_SUMMARY);
      assertThat(Shapes.keys(u.get("site"))).containsExactlyInAnyOrderElementsOf(Shapes.SITE);
      u.get("identifiers").forEach(i -> assertThat(Shapes.keys(i)).containsExactlyInAnyOrderElementsOf(Shapes.IDENTIFIER));
      if (prefix.equals("/v2.2")) {
        u.get("timeOfUseBreakdown").forEach(p ->
            assertThat(Shapes.keys(p)).containsExactlyInAnyOrderElementsOf(Shapes.TIME_OF_USE_PART));
      }
    }
  }

  @Test
  void theVersionsDifferExactlyAsDocumented() {
    String id = fixture.usageRow("B09/E1");
    JsonNode v2 = ok("/v2/usage/" + id);
    JsonNode v21 = ok("/v2.1/usage/" + id);
    JsonNode v22 = ok("/v2.2/usage/" + id);

    assertThat(Shapes.keys(v21)).containsAll(Shapes.keys(v2));
    assertThat(Shapes.keys(v21)).filteredOn(k -> !Shapes.keys(v2).contains(k)).containsExactlyInAnyOrder("updated",
        "isEstimated", "netMeteringGeneratedKwh", "netMeteringGridImportKwh", "exclusion", "electricityType");
    assertThat(Shapes.keys(v22)).filteredOn(k -> !Shapes.keys(v21).contains(k)).containsExactlyInAnyOrder(
        "timeOfUseBreakdown", "serviceAddress", "isImplied", "currentReading", "previousReading", "multiplier",
        "multiplierDescription", "multiplier2", "multiplier2Description", "fractionRenewable",
        "netMeteringGridExportKwh", "tariff", "billedDemand", "supplierName", "utilityName", "country");

    assertThat(v2.get("timeOfUse").isNull()).isTrue();
    assertThat(v21.get("electricityType").asText()).isEqualTo("USAGE");
    assertThat(ok("/v2.1/usage/" + fixture.usageRow("B09/W1")).get("electricityType").isNull()).isTrue();
    assertThat(v22.get("timeOfUseBreakdown")).hasSize(2);
    for (String key : Shapes.keys(v2)) {
      if (!List.of("document", "timeOfUse").contains(key)) {
        assertThat(Shapes.withoutLinks(v21.get(key))).as(key).isEqualTo(Shapes.withoutLinks(v2.get(key)));
        assertThat(Shapes.withoutLinks(v22.get(key))).as(key).isEqualTo(Shapes.withoutLinks(v2.get(key)));
      }
    }
    // v2.2 replaces timeOfUse only: the v2.1 field electricityType stays (UsageView's javadoc)
    assertThat(Shapes.keys(v21)).filteredOn(k -> !Shapes.keys(v22).contains(k))
        .as("v2.2 drops timeOfUse only").containsExactly("timeOfUse");
    assertThat(v22.get("electricityType").asText()).isEqualTo("USAGE");
  }

  @Test
  void theRowsShowTheirFiguresMeterSiteAndDocument() {
    JsonNode e1 = ok("/v2.2/usage/" + fixture.usageRow("B09/E1"));
    JsonNode g1 = ok("/v2.2/usage/" + fixture.usageRow("B04/G1"));
    JsonNode e2 = ok("/v2.1/usage/" + fixture.usageRow("B11/E2"));

    assertThat(e1.get("usage").asText()).isEqualTo("500.000");
    assertThat(e1.get("usageUnits").asText()).isEqualTo("kWh");
    assertThat(e1.get("startDate").asText()).isEqualTo("2024-03-01");
    assertThat(e1.get("endDate").asText()).isEqualTo("2024-03-31");
    assertThat(e1.get("isEstimated").asBoolean()).isFalse();
    assertThat(e1.get("isImplied").asBoolean()).isFalse();
    assertThat(e1.get("exclusion").asBoolean()).isFalse();
    assertThat(e1.get("tariff").asText()).isEqualTo("E-1");
    assertThat(e1.get("currentReading").asText()).isEqualTo("10500.0");
    assertThat(e1.get("datasourceType").asText()).isEqualTo("ELECTRICITY");
    assertThat(e1.get("meterAddress").asText()).isEqualTo("1 Volt Street");
    assertThat(e1.get("meterIsTracked").asBoolean()).isTrue();
    assertThat(e1.get("additionalFields").isObject()).isTrue();
    assertThat(e1.get("site").get("id").asText()).isEqualTo(fixture.site1());
    assertThat(e1.get("site").get("name").asText()).isEqualTo("Fixture Co site 1");
    assertThat(e1.get("document").get("id").asText()).isEqualTo(fixture.document("B09"));
    assertThat(e1.get("document").get("billDate").asText()).isEqualTo("2024-03-31");
    assertThat(e1.get("document").get("totalCharges").asText()).isEqualTo("105.25");
    assertThat(e1.get("timeOfUseBreakdown").get(0).get("timeOfUse").asText()).isEqualTo("PEAK");
    assertThat(e1.get("timeOfUseBreakdown").get(0).get("usage").asText()).isEqualTo("312.5");
    JsonNode meter = ok("/v2.2/meter/" + e1.get("meter").asText());
    assertThat(meter.get("identifiers").get(0).get("value").asText()).isEqualTo("013-774-6423");
    assertThat(meter.get("site").asText()).isEqualTo(fixture.site1());

    assertThat(g1.get("usage").asText()).isEqualTo("400.50");
    assertThat(g1.get("usageUnits").asText()).isEqualTo("thm (US)");
    assertThat(g1.get("gasType").asText()).isEqualTo("NATURAL_GAS");
    assertThat(g1.get("site").get("id").asText()).isEqualTo(fixture.site2());
    assertThat(g1.get("identifiers").get(0).get("value").asText()).isEqualTo("00 12_34/56");

    assertThat(e2.get("identifiers")).hasSize(2);
    assertThat(e2.get("identifiers").get(1).get("value").asText()).isEqualTo("0042");
    assertThat(e2.get("identifiers").get(1).get("name").asText()).isEqualTo("ACCOUNT");
    assertThat(e2.get("startDate").asText()).isEqualTo("2024-03-02");
    assertThat(e2.get("endDate").asText()).isEqualTo("2024-04-01");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void decimalsAreStringsAndNoNumberAppearsInAUsageRow(String prefix) {
    for (JsonNode u : ok(prefix + "/usage/company/" + fixture.companyId()).get("usageData")) {
      Shapes.assertNoNumbers(u, prefix + " " + fixture.usageOf(u.get("id").asText()));
      assertThat(u.get("usage").isTextual()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void theEmbeddedDocumentsLinksOpenTheFileAndTheAuditPage(String prefix) {
    JsonNode document = ok(prefix + "/usage/" + fixture.usageRow("B04/G1")).get("document");

    HttpResponse<byte[]> file = Links.get(server, document.get("url").asText());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(file.body()).isEqualTo(FixtureProvider.pdf("B04"));
    AuditPage page = AuditPage.open(server, document.get("auditTrailUrl").asText());
    assertThat(page.text()).contains(fixture.document("B04"), "B04.pdf");
  }

  // ---------------------------------------------------------------- PATCH

  @ParameterizedTest
  @ValueSource(strings = {"/v2", "/v2.1", "/v2.2"})
  void aPatchChangesTheRowRecordsTheChangeAndUpdatesTheDocument(String prefix) {
    FixtureCompany company = FixtureCompany.create(server, live.key(), "Patch Co " + prefix);
    String id = company.usageRow("B03/E1");
    String documentId = company.document("B03");
    Instant documentUpdatedBefore = Instant.parse(ok("/v2.2/document/" + documentId).get("updated").asText());

    Response patched = server.patchJson(prefix + "/usage/" + id, live.key(), """
        {"usage": "480.5", "usageUnits": "MWh", "isEstimated": true, "isImplied": true, "exclusion": true,
         "tariff": "E-19"}""");

    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    JsonNode body = patched.json();
    assertThat(body.get("id").asText()).isEqualTo(id);
    assertThat(body.get("usage").asText()).isEqualTo("480.5");
    assertThat(body.get("usageUnits").asText()).isEqualTo("MWh");
    assertThat(Shapes.withoutLinks(ok(prefix + "/usage/" + id))).isEqualTo(Shapes.withoutLinks(body));

    JsonNode v22 = ok("/v2.2/usage/" + id);
    assertThat(v22.get("usage").asText()).isEqualTo("480.5");
    assertThat(v22.get("usageUnits").asText()).isEqualTo("MWh");
    assertThat(v22.get("isEstimated").asBoolean()).isTrue();
    assertThat(v22.get("isImplied").asBoolean()).isTrue();
    assertThat(v22.get("exclusion").asBoolean()).isTrue();
    assertThat(v22.get("tariff").asText()).isEqualTo("E-19");
    assertThat(v22.get("startDate").asText()).isEqualTo("2024-02-15");
    assertThat(v22.get("endDate").asText()).isEqualTo("2024-03-14");
    assertThat(row(ok("/v2.2/usage/company/" + company.companyId()), id).get("usage").asText()).isEqualTo("480.5");

    JsonNode document = ok("/v2.2/document/" + documentId);
    Instant documentUpdated = Instant.parse(document.get("updated").asText());
    assertThat(documentUpdated).isAfter(documentUpdatedBefore);
    assertThat(documentUpdated).isEqualTo(Instant.parse(v22.get("updated").asText()));
    assertThat(document.get("usageData").get(0).get("usage").asText()).isEqualTo("480.5");
    assertThat(v22.get("document").get("updated").asText()).isEqualTo(document.get("updated").asText());
    // the other documents were not touched
    assertThat(ok("/v2.2/document/" + company.document("B02")).get("updated").asText())
        .isEqualTo(ok("/v2.2/document/" + company.document("B02")).get("created").asText());

    AuditPage page = AuditPage.open(server, document.get("auditTrailUrl").asText());
    assertThat(page.events("USAGE_UPDATED")).hasSize(1);
    AuditPage.Event change = page.events("USAGE_UPDATED").get(0);
    assertThat(change.actor()).contains(live.keyId().toString());
    assertThat(change.detail().get("usageId").asText()).isEqualTo(id);
    JsonNode changes = change.detail().get("changes");
    assertThat(Shapes.keys(changes)).containsExactlyInAnyOrder("usage", "usageUnits", "isEstimated", "isImplied",
        "exclusion", "tariff");
    assertChange(changes, "usage", "300.50", "480.5");
    assertChange(changes, "usageUnits", "kWh", "MWh");
    assertChange(changes, "isEstimated", "false", "true");
    assertChange(changes, "isImplied", "false", "true");
    assertChange(changes, "exclusion", "false", "true");
    assertThat(changes.get("tariff").get("old").isNull()).isTrue();
    assertThat(changes.get("tariff").get("new").asText()).isEqualTo("E-19");
    // the response is the usage object of the version the PATCH was sent to
    assertThat(Shapes.keys(body)).containsExactlyInAnyOrderElementsOf(Shapes.usage(prefix, true));
  }

  private static void assertChange(JsonNode changes, String field, String old, String now) {
    assertThat(changes.get(field).get("old").asText()).as(field + " old").isEqualTo(old);
    assertThat(changes.get(field).get("new").asText()).as(field + " new").isEqualTo(now);
  }

  @Test
  void aNewStartWithoutAnEndMakesAOneDayPeriodOnlyWhenTheOldEndNoLongerFits() {
    FixtureCompany company = FixtureCompany.create(server, live.key(), "Period Co");
    String b03 = company.usageRow("B03/E1"); // 2024-02-15 .. 2024-03-14
    String b05 = company.usageRow("B05/G1"); // 2024-03-02 .. 2024-03-31
    String b06 = company.usageRow("B06/W1"); // 2024-03-20 .. 2024-04-19
    String b07 = company.usageRow("B07/W1"); // 2024-04-01 .. 2024-04-30

    JsonNode moved = patch(b03, "{\"startDate\": \"2024-03-20\"}");
    assertThat(moved.get("startDate").asText()).isEqualTo("2024-03-20");
    assertThat(moved.get("endDate").asText()).isEqualTo("2024-03-20");

    JsonNode kept = patch(b05, "{\"startDate\": \"2024-03-05\"}");
    assertThat(kept.get("startDate").asText()).isEqualTo("2024-03-05");
    assertThat(kept.get("endDate").asText()).isEqualTo("2024-03-31");

    JsonNode both = patch(b06, "{\"startDate\": \"2024-03-10\", \"endDate\": \"2024-03-12\"}");
    assertThat(both.get("startDate").asText()).isEqualTo("2024-03-10");
    assertThat(both.get("endDate").asText()).isEqualTo("2024-03-12");

    JsonNode endOnly = patch(b07, "{\"endDate\": \"2024-05-02\"}");
    assertThat(endOnly.get("startDate").asText()).isEqualTo("2024-04-01");
    assertThat(endOnly.get("endDate").asText()).isEqualTo("2024-05-02");

    JsonNode oneDay = patch(b07, "{\"startDate\": \"2024-05-02\", \"endDate\": \"2024-05-02\"}");
    assertThat(oneDay.get("startDate").asText()).isEqualTo("2024-05-02");
    assertThat(oneDay.get("endDate").asText()).isEqualTo("2024-05-02");

    AuditPage page = AuditPage.open(server, ok("/v2.2/document/" + company.document("B03")).get("auditTrailUrl").asText());
    JsonNode changes = page.events("USAGE_UPDATED").get(0).detail().get("changes");
    assertChange(changes, "startDate", "2024-02-15", "2024-03-20");
    assertChange(changes, "endDate", "2024-03-14", "2024-03-20");
    // the new period is what the filters see
    String byPeriod = "/v2.2/usage/company/" + company.companyId() + "?dateType=USAGE_PERIOD&datasourceType=ELECTRICITY";
    assertThat(rows(ok(byPeriod + "&startDate=2024-03-01&endDate=2024-03-10"), company)).doesNotContain("B03/E1");
    assertThat(rows(ok(byPeriod + "&startDate=2024-03-20&endDate=2024-03-20"), company)).contains("B03/E1");
  }

  private static JsonNode patch(String id, String json) {
    Response response = server.patchJson("/v2.2/usage/" + id, live.key(), json);
    assertThat(response.status()).as(json + " " + response).isEqualTo(200);
    return response.json();
  }

  @Test
  void aPatchThatChangesNothingRecordsNothing() {
    String id = untouched.usageRow("B11/E2");
    JsonNode before = ok("/v2.2/usage/" + id);
    String auditUrl = ok("/v2.2/document/" + untouched.document("B11")).get("auditTrailUrl").asText();
    int eventsBefore = AuditPage.open(server, auditUrl).events().size();

    for (String body : List.of("{}", "{\"usage\": \"1100.50\", \"usageUnits\": \"kWh\"}",
        "{\"startDate\": \"2024-03-02\"}", "{\"endDate\": \"2024-04-01\"}", "{\"isEstimated\": false}",
        "{\"tariff\": null, \"exclusion\": false, \"isImplied\": false}")) {
      Response response = server.patchJson("/v2.2/usage/" + id, live.key(), body);
      assertThat(response.status()).as(body + " " + response).isEqualTo(200);
      assertThat(Shapes.withoutLinks(response.json())).as(body).isEqualTo(Shapes.withoutLinks(before));
    }

    assertThat(Shapes.withoutLinks(ok("/v2.2/usage/" + id))).isEqualTo(Shapes.withoutLinks(before));
    assertThat(AuditPage.open(server, auditUrl).events()).hasSize(eventsBefore);
  }

  @Test
  void theSameUsageWrittenWithAnotherScaleIsNotAChange() {
    String id = untouched.usageRow("B08/E2");
    JsonNode before = ok("/v2.2/usage/" + id);
    assertThat(before.get("usage").asText()).isEqualTo("800.50");
    String auditUrl = ok("/v2.2/document/" + untouched.document("B08")).get("auditTrailUrl").asText();
    int eventsBefore = AuditPage.open(server, auditUrl).events().size();

    for (String body : List.of("{\"usage\": \"800.5\"}", "{\"usage\": \"800.500\"}", "{\"usage\": 800.5}")) {
      Response response = server.patchJson("/v2.2/usage/" + id, live.key(), body);
      assertThat(response.status()).as(body + " " + response).isEqualTo(200);
    }

    // 800.5 is the quantity already recorded: no correction, no audit entry, no new `updated`
    assertThat(AuditPage.open(server, auditUrl).events()).as("audit entries").hasSize(eventsBefore);
    assertThat(Shapes.withoutLinks(ok("/v2.2/usage/" + id))).isEqualTo(Shapes.withoutLinks(before));
  }

  /** An invalid PATCH body and the field its error must name (null: the body as a whole). */
  record Invalid(String description, String json, String field) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<Arguments> invalidPatches() {
    List<Invalid> cases = List.of(
        new Invalid("unknown usageUnits kilowatts", "{\"usageUnits\": \"kilowatts\"}", "usageUnits"),
        new Invalid("usageUnits in the wrong case", "{\"usageUnits\": \"kwh\"}", "usageUnits"),
        new Invalid("usageUnits without its parentheses", "{\"usageUnits\": \"thm US\"}", "usageUnits"),
        new Invalid("endDate before startDate", "{\"startDate\": \"2024-03-10\", \"endDate\": \"2024-03-01\"}",
            "endDate"),
        new Invalid("endDate before the current startDate", "{\"endDate\": \"2024-01-01\"}", "endDate"),
        new Invalid("usage not a number", "{\"usage\": \"lots\"}", "usage"),
        new Invalid("usage a boolean", "{\"usage\": true}", "usage"),
        new Invalid("usage null", "{\"usage\": null}", "usage"),
        new Invalid("usage with seven decimals", "{\"usage\": \"1.1234567\"}", "usage"),
        new Invalid("usage an object", "{\"usage\": {\"value\": \"1\"}}", "usage"),
        new Invalid("usageUnits null", "{\"usageUnits\": null}", "usageUnits"),
        new Invalid("endDate null", "{\"endDate\": null}", "endDate"),
        new Invalid("isImplied null", "{\"isImplied\": null}", "isImplied"),
        new Invalid("startDate a number", "{\"startDate\": 20240301}", "startDate"),
        new Invalid("startDate not a day", "{\"startDate\": \"2024-02-30\"}", "startDate"),
        new Invalid("startDate in another format", "{\"startDate\": \"03/01/2024\"}", "startDate"),
        new Invalid("startDate null", "{\"startDate\": null}", "startDate"),
        new Invalid("isEstimated a string", "{\"isEstimated\": \"yes\"}", "isEstimated"),
        new Invalid("exclusion a number", "{\"exclusion\": 1}", "exclusion"),
        new Invalid("tariff a number", "{\"tariff\": 5}", "tariff"),
        new Invalid("unknown field", "{\"colour\": \"blue\"}", "colour"),
        new Invalid("read-only id", "{\"id\": \"" + UUID.randomUUID() + "\"}", "id"),
        new Invalid("demand usage cannot be updated here", "{\"demandUsage\": \"5\"}", "demandUsage"),
        new Invalid("a valid field beside an unknown one", "{\"usageUnits\": \"MWh\", \"bogus\": 1}", "bogus"),
        new Invalid("a valid field beside an invalid one", "{\"usage\": \"9\", \"usageUnits\": \"kilowatts\"}",
            "usageUnits"),
        new Invalid("an array body", "[{\"usage\": \"9\"}]", null),
        new Invalid("a body that is not JSON", "usage=9", null));
    List<Arguments> arguments = new ArrayList<>();
    for (String prefix : PREFIXES) {
      cases.forEach(c -> arguments.add(Arguments.of(prefix, c)));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("invalidPatches")
  void anInvalidPatchIs400AndChangesNothing(String prefix, Invalid invalid) {
    String id = untouched.usageRow("B03/E1");
    String documentId = untouched.document("B03");
    JsonNode usageBefore = Shapes.withoutLinks(ok("/v2.2/usage/" + id));
    JsonNode documentBefore = ok("/v2.2/document/" + documentId);
    String auditUrl = documentBefore.get("auditTrailUrl").asText();
    int eventsBefore = AuditPage.open(server, auditUrl).events().size();

    Response response = server.patchJson(prefix + "/usage/" + id, live.key(), invalid.json());

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.detail()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception", "at io.", "<html");
    if (invalid.field() != null) {
      JsonNode errors = response.json().path("errors");
      assertThat(errors.has(invalid.field())).as("errors names %s in %s", invalid.field(), response).isTrue();
      assertThat(errors.get(invalid.field()).get(0).asText()).isNotBlank();
    }
    assertThat(Shapes.withoutLinks(ok("/v2.2/usage/" + id))).isEqualTo(usageBefore);
    assertThat(ok("/v2.2/document/" + documentId).get("updated")).isEqualTo(documentBefore.get("updated"));
    assertThat(AuditPage.open(server, auditUrl).events()).hasSize(eventsBefore);
  }

  @Test
  void theUsageOfADeletedDocumentCannotBeReadOrPatched() {
    FixtureCompany company = FixtureCompany.create(server, live.key(), "Deleted Usage Co");
    String id = company.usageRow("B10/G1");
    assertThat(server.delete("/v2.2/document/" + company.document("B10"), live.key()).status()).isEqualTo(204);

    Response get = server.get("/v2.2/usage/" + id, live.key());
    Response patch = server.patchJson("/v2.2/usage/" + id, live.key(), "{\"usage\": \"1\"}");

    assertThat(get.status()).isEqualTo(404);
    assertThat(get.detail()).isEqualTo("Usage data not found.");
    assertThat(patch.status()).isEqualTo(404);
    assertThat(rows(ok("/v2.2/usage/company/" + company.companyId()), company)).doesNotContain("B10/G1")
        .hasSize(FixtureProvider.USAGE.size() - 1);
  }
}
