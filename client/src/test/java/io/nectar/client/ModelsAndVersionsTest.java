package io.nectar.client;

import static io.nectar.client.Responses.json;
import static io.nectar.client.Responses.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.client.model.Connection;
import io.nectar.client.model.ConnectionStatus;
import io.nectar.client.model.DataFilter;
import io.nectar.client.model.DatasourceType;
import io.nectar.client.model.Document;
import io.nectar.client.model.Environment;
import io.nectar.client.model.Job;
import io.nectar.client.model.JobFile;
import io.nectar.client.model.JobStatus;
import io.nectar.client.model.NewSite;
import io.nectar.client.model.Ping;
import io.nectar.client.model.SiteUpdate;
import io.nectar.client.model.UsageData;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelsAndVersionsTest {
  private static final UUID ID = UUID.fromString("0190f3a2-d587-7fb3-9a99-0d1e2f3a4b5d");
  private static final UUID COMPANY = UUID.fromString("0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c");

  private static final String SUMMARY = "\"id\": \"" + ID + "\", \"created\": \"2025-01-02T03:04:05Z\","
      + " \"updated\": \"2025-01-02T03:04:06.123Z\", \"auditTrailUrl\": \"https://x/audit\", \"url\": null,"
      + " \"billDate\": \"2024-12-31\", \"dueDate\": null, \"chargesUnits\": \"USD\", \"totalCharges\": \"1234.50\","
      + " \"utilityCompany\": \"PG&E\", \"status\": \"PROCESSED\", \"flaggedStatus\": null,"
      + " \"revisedDocumentId\": null, \"fileName\": \"bill.pdf\", \"email\": null, \"jobId\": null, \"notes\": null,"
      + " \"sourceType\": \"INVOICE\", \"company\": \"" + COMPANY + "\"";

  private static final String USAGE_V2 = "{\"id\": \"" + ID + "\", \"created\": \"2025-01-02T03:04:05Z\","
      + " \"startDate\": \"2024-12-01\", \"endDate\": \"2024-12-31\", \"usage\": \"56176.125\", \"usageUnits\": \"thm (US)\","
      + " \"meter\": null, \"site\": null, \"identifiers\": [{\"rawName\": \"Meter #\", \"value\": \"013\", \"name\": \"METER\"}],"
      + " \"datasourceType\": \"GAS\", \"timeOfUse\": \"TOTAL\", \"additionalFields\": {}}";

  private static final String USAGE_V22 = "{\"id\": \"" + ID + "\", \"created\": \"2025-01-02T03:04:05Z\","
      + " \"updated\": \"2025-01-02T03:04:05Z\", \"startDate\": \"2024-12-01\", \"endDate\": \"2024-12-31\","
      + " \"usage\": \"100\", \"usageUnits\": \"kWh\", \"isEstimated\": false, \"exclusion\": false,"
      + " \"timeOfUseBreakdown\": [{\"timeOfUse\": \"PEAK\", \"usage\": \"40.0\", \"usageUnits\": \"kWh\","
      + " \"description\": null, \"startDate\": null, \"endDate\": null}], \"datasourceType\": \"ELECTRICITY\","
      + " \"electricityType\": \"USAGE\", \"identifiers\": [], \"brandNewField\": {\"nested\": [1, 2]},"
      + " \"document\": {" + SUMMARY + "}}";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private NectarClient at(String prefix) {
    return NectarClient.builder().apiKey("k").baseUrl(server.url(prefix).toString()).maxRetries(0).build();
  }

  @Test
  void theVersionComesFromTheBaseUrlAndPrefixesEveryPath() throws InterruptedException {
    for (String prefix : List.of("/v2", "/v2.1", "/v2.2")) {
      server.enqueue(json("{\"status\": \"ok\", \"apiVersion\": \"" + prefix.substring(1) + "\", \"serverVersion\": \"1\","
          + " \"organization\": {\"id\": \"" + COMPANY + "\", \"name\": \"Org\"}, \"environment\": \"SANDBOX\"}"));
      NectarClient nectar = at(prefix);
      Ping ping = nectar.ping();
      assertThat(ping.apiVersion()).isEqualTo(nectar.apiVersion().pathSegment());
      assertThat(ping.environment()).isEqualTo(Environment.SANDBOX);
      assertThat(server.takeRequest().getTarget()).isEqualTo(prefix + "/ping");
    }
  }

  @Test
  void aV2DocumentReadsWithoutTheLaterFields() {
    server.enqueue(json(page("documents", 1, 1, "{" + SUMMARY + ", \"usageData\": [" + USAGE_V2 + "]}")));

    Document document = at("/v2").documents().listByCompany(COMPANY, DataFilter.NONE).items().get(0);

    assertThat(document.totalCharges()).isEqualTo(new BigDecimal("1234.50"));
    assertThat(document.billDate()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(document.lineItems()).isEmpty();
    assertThat(document.demandMeters()).isEmpty();
    assertThat(document.isFlagged()).isNull();
    UsageData usage = document.usageData().get(0);
    assertThat(usage.usage()).isEqualTo(new BigDecimal("56176.125"));
    assertThat(usage.usageUnits()).isEqualTo("thm (US)");
    assertThat(usage.timeOfUse()).isEqualTo("TOTAL");
    assertThat(usage.timeOfUseBreakdown()).isEmpty();
    assertThat(usage.identifiers().get(0).value()).isEqualTo("013");
  }

  @Test
  void aV21DocumentHasLineItemsAndDates() {
    server.enqueue(json("{" + SUMMARY + ", \"startDate\": \"2024-12-01\", \"endDate\": \"2024-12-31\","
        + " \"isFlagged\": false, \"invoiceId\": \"INV-1\", \"usageData\": [], \"lineItems\": [{\"description\":"
        + " \"Delivery\", \"quantity\": \"100\", \"rate\": \"0.1234\", \"totalCharge\": \"12.34\", \"multipliers\": [],"
        + " \"accountIds\": [\"A1\"], \"electricityIsDemand\": null}]}"));

    Document document = at("/v2.1").documents().get(ID);

    assertThat(document.startDate()).isEqualTo(LocalDate.of(2024, 12, 1));
    assertThat(document.lineItems().get(0).rate()).isEqualTo(new BigDecimal("0.1234"));
    assertThat(document.lineItems().get(0).totalCharge()).isEqualByComparingTo("12.34");
    assertThat(document.isFlagged()).isFalse();
  }

  @Test
  void aV22UsageRowHasTheBreakdownIgnoresUnknownFieldsAndEmbedsItsDocument() {
    server.enqueue(json(USAGE_V22));

    UsageData usage = at("/v2.2").usage().get(ID);

    assertThat(usage.timeOfUseBreakdown()).singleElement()
        .satisfies(part -> assertThat(part.usage()).isEqualTo(new BigDecimal("40.0")));
    assertThat(usage.timeOfUse()).isNull();
    assertThat(usage.datasourceType()).isEqualTo(DatasourceType.ELECTRICITY);
    assertThat(usage.document().id()).isEqualTo(ID);
    assertThat(usage.document().updated()).isEqualTo(Instant.parse("2025-01-02T03:04:06.123Z"));
  }

  @Test
  void unknownEnumValuesBecomeUnknownAndNectarsSpellingOfWrongPasswordIsUnderstood() {
    server.enqueue(json("{\"id\": \"" + ID + "\", \"status\": \"PASSWORD_INCORRECT\", \"initialDatasourceTypes\":"
        + " [\"GAS\", \"HYDROGEN\"], \"accounts\": [{\"id\": \"" + ID + "\", \"isTracked\": true, \"isDuplicated\":"
        + " \"false\", \"trackingStatus\": \"SOMETHING_NEW\", \"meters\": []}], \"multiplyByOccupancy\": false,"
        + " \"isActive\": true, \"aFieldFromTheFuture\": 1}"));
    server.enqueue(json("{\"id\": \"" + ID + "\", \"status\": \"ON_HOLD\", \"accounts\": [], \"multiplyByOccupancy\": false,"
        + " \"isActive\": true}"));
    NectarClient nectar = at("/v2.2");

    Connection first = nectar.connections().get(ID);
    Connection second = nectar.connections().get(ID);

    assertThat(first.status()).isEqualTo(ConnectionStatus.INCORRECT_PASSWORD);
    assertThat(first.initialDatasourceTypes()).containsExactly(DatasourceType.GAS, DatasourceType.UNKNOWN);
    assertThat(first.accounts().get(0).isDuplicated()).isFalse();
    assertThat(first.accounts().get(0).trackingStatus()).hasToString("UNKNOWN");
    assertThat(second.status()).isEqualTo(ConnectionStatus.UNKNOWN);
  }

  @Test
  void anUnknownJobStatusCountsAsFinishedSoPollingEnds() {
    server.enqueue(json("{\"id\": \"" + ID + "\", \"status\": \"ARCHIVED\", \"files\": [{\"id\": \"" + ID + "\","
        + " \"fileName\": \"a.pdf\", \"status\": \"DONE\", \"outcome\": \"SPLIT\"}]}"));

    Job job = at("/v2.2").jobs().get(ID);

    assertThat(job.status()).isEqualTo(JobStatus.UNKNOWN);
    assertThat(job.isTerminal()).isTrue();
    assertThat(job.files().get(0).outcome()).isEqualTo(JobFile.Outcome.UNKNOWN);
  }

  @Test
  void decimalsAreSentAsPlainStringsAndUpdatesSendOnlyTheFieldsSetIncludingNulls() throws InterruptedException {
    String site = "{\"id\": \"" + ID + "\", \"name\": \"HQ\", \"path\": [\"US\"], \"occupancyPercent\": \"87.5000\"}";
    server.enqueue(json(201, site));
    server.enqueue(json(site));
    NectarClient nectar = at("/v2.2");

    nectar.sites().create(COMPANY, NewSite.builder("HQ").occupancyPercent(new BigDecimal("8.75E+1"))
        .path(List.of("US", "CA")).build());
    var updated = nectar.sites().update(ID, SiteUpdate.builder().externalId(null).build());

    assertThat(server.takeRequest().getBody().utf8())
        .isEqualTo("{\"name\":\"HQ\",\"occupancyPercent\":\"87.5\",\"path\":[\"US\",\"CA\"]}");
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"externalId\":null}");
    assertThat(updated.occupancyPercent()).isEqualTo(new BigDecimal("87.5000"));
  }
}
