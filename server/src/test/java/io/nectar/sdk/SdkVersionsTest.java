package io.nectar.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.client.ApiVersion;
import io.nectar.client.NectarClient;
import io.nectar.client.Page;
import io.nectar.client.model.DataFilter;
import io.nectar.client.model.DatasourceType;
import io.nectar.client.model.Document;
import io.nectar.client.model.UsageData;
import io.nectar.keys.Environment;
import io.nectar.testing.SandboxCompany;
import io.nectar.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One SDK, three API versions: the same documents and usage read through {@code /v2}, {@code /v2.1} and
 * {@code /v2.2} base URLs, every page of each, with each version's fields and no other.
 */
class SdkVersionsTest {
  static TestServer server;
  static String key;
  static SandboxCompany sandbox;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    key = server.tenant("Versions Org", Environment.SANDBOX).key();
    sandbox = SandboxCompany.create(server, key, "Versions Co");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static NectarClient client(ApiVersion version) {
    return NectarClient.builder().apiKey(key).baseUrl(server.baseUrl() + "/" + version.pathSegment()).build();
  }

  static UUID company() {
    return UUID.fromString(sandbox.companyId());
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void everyDocumentIsReadOnceWithTheFieldsOfItsVersion(ApiVersion version) {
    NectarClient nectar = client(version);
    assertThat(nectar.apiVersion()).isEqualTo(version);

    Page<Document> first = nectar.documents().listByCompany(company(), DataFilter.NONE);
    List<Document> documents = first.stream().toList();

    assertThat(first.hasNext()).as("more than one page").isTrue();
    assertThat(first.total()).hasValue(documents.size());
    assertThat(documents).extracting(Document::id).doesNotHaveDuplicates();
    assertThat(documents).allSatisfy(d -> {
      assertThat(d.totalCharges()).isNotNull();
      assertThat(d.billDate()).isNotNull();
      switch (version) {
        case V2 -> {
          assertThat(d.startDate()).as("v2 has no period").isNull();
          assertThat(d.lineItems()).isEmpty();
          assertThat(d.usageData()).as("v2 embeds the usage").isNotEmpty();
        }
        case V2_1 -> {
          assertThat(d.startDate()).isNotNull();
          assertThat(d.lineItems()).isNotEmpty();
        }
        case V2_2 -> {
          assertThat(d.startDate()).isNotNull();
          assertThat(d.lineItems()).isNotEmpty();
          assertThat(d.taxCharges()).as("v2.2's charge breakdown").isNotNull();
        }
        default -> throw new AssertionError(version);
      }
    });
    Document one = nectar.documents().get(documents.get(0).id());
    assertThat(one.id()).isEqualTo(documents.get(0).id());
    assertThat(one.totalCharges()).isEqualTo(documents.get(0).totalCharges());
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void everyUsageRowIsReadOnceAndTheVersionsAgreeOnTheFigures(ApiVersion version) {
    Page<UsageData> first = client(version).usage().listByCompany(company(), DataFilter.NONE);
    List<UsageData> rows = first.stream().toList();

    assertThat(first.hasNext()).as("more than one page").isTrue();
    assertThat(first.total()).hasValue(rows.size());
    Map<UUID, UsageData> byId = rows.stream().collect(Collectors.toMap(UsageData::id, Function.identity()));
    assertThat(byId).as("no row twice").hasSize(rows.size());
    Map<UUID, UsageData> current = client(ApiVersion.V2_2).usage().listByCompany(company(), DataFilter.NONE)
        .stream().collect(Collectors.toMap(UsageData::id, Function.identity()));
    assertThat(byId.keySet()).isEqualTo(current.keySet());
    byId.forEach((id, row) -> {
      assertThat(row.usage()).isEqualTo(current.get(id).usage());
      assertThat(row.startDate()).isEqualTo(current.get(id).startDate());
    });

    DataFilter electricity = DataFilter.builder().datasourceTypes(DatasourceType.ELECTRICITY).build();
    Page<UsageData> filtered = client(version).usage().listByCompany(company(), electricity);
    assertThat(filtered.total()).hasValue(filtered.stream().count());
    assertThat(filtered.total().orElseThrow()).isPositive().isLessThan(rows.size());
  }
}
