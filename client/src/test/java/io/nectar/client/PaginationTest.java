package io.nectar.client;

import static io.nectar.client.Responses.json;
import static io.nectar.client.Responses.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.client.model.DataFilter;
import io.nectar.client.model.DatasourceType;
import io.nectar.client.model.DateType;
import io.nectar.client.model.Meter;
import io.nectar.client.model.UsageData;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaginationTest {
  private static final UUID SITE = UUID.fromString("0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c");

  private final MockWebServer server = new MockWebServer();
  private NectarClient nectar;

  @BeforeEach
  void start() throws IOException {
    server.start();
    nectar = NectarClient.builder().apiKey("k").baseUrl(server.url("/v2.2").toString()).maxRetries(0).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String meter(int n) {
    return "{\"id\": \"" + new UUID(0, n) + "\", \"site\": \"" + SITE + "\", \"identifiers\": [],"
        + " \"datasourceType\": \"GAS\", \"isTracked\": true}";
  }

  private static String meters(int from, int to) {
    List<String> items = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      items.add(meter(n));
    }
    return String.join(",", items);
  }

  @Test
  void autoPaginateFollowsHasNextThroughEveryPage() throws InterruptedException {
    server.enqueue(json(page("meters", 1, 3, meters(1, 3))));
    server.enqueue(json(page("meters", 2, 3, meters(4, 6))));
    server.enqueue(json(page("meters", 3, 3, meters(7, 8))));

    List<Meter> all = new ArrayList<>();
    nectar.meters().listBySite(SITE).autoPaginate().forEach(all::add);

    assertThat(all).extracting(m -> m.id().getLeastSignificantBits()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2.2/meter/site/" + SITE);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2.2/meter/site/" + SITE + "?page=2");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2.2/meter/site/" + SITE + "?page=3");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aPagePastTheEndAnsweredWithTheLastPageStopsIteration() {
    // A server that claims there is always a next page but, as the API's rule says, answers any
    // page past the end with the last page: iteration must end instead of looping.
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String page = request.getUrl().queryParameter("page");
        int asked = page == null ? 1 : Integer.parseInt(page);
        int served = Math.min(asked, 2);
        return json("{\"totalMeters\": 4, \"perPage\": 2, \"totalPages\": 2, \"currentPage\": " + served
            + ", \"hasNext\": true, \"hasPrevious\": " + (served > 1) + ", \"meters\": ["
            + meters(served * 2 - 1, served * 2) + "]}");
      }
    });

    // limit: a broken guard shows as too many items instead of a test that never ends
    List<Meter> all = nectar.meters().listBySite(SITE).stream().limit(50).toList();

    assertThat(all).hasSize(4);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aPageReportsItsEnvelope() {
    server.enqueue(json(page("meters", 1, 3, meters(1, 2))));

    Page<Meter> first = nectar.meters().listBySite(SITE);

    assertThat(first.pageNumber()).isEqualTo(1);
    assertThat(first.totalPages()).isEqualTo(3);
    assertThat(first.perPage()).isEqualTo(100);
    assertThat(first.total()).hasValue(250);
    assertThat(first.hasNext()).isTrue();
    assertThat(first.hasPrevious()).isFalse();
    assertThat(first.items()).hasSize(2);
  }

  @Test
  void filtersAreSentOnEveryPage() throws InterruptedException {
    server.enqueue(json(page("usageData", 1, 2, "")));
    server.enqueue(json(page("usageData", 2, 2, "")));
    DataFilter filter = DataFilter.builder().startDate(LocalDate.of(2024, 1, 1)).endDate(LocalDate.of(2024, 12, 31))
        .dateType(DateType.USAGE_PERIOD).datasourceTypes(DatasourceType.GAS, DatasourceType.WATER)
        .identifier("013-774 6423").isDeleted(true).build();

    List<UsageData> all = nectar.usage().listBySite(SITE, filter).stream().toList();

    assertThat(all).isEmpty();
    String query = "startDate=2024-01-01&endDate=2024-12-31&dateType=USAGE_PERIOD&datasourceType=GAS"
        + "&datasourceType=WATER&identifier=013-774%206423";
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2.2/usage/site/" + SITE + "?" + query);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v2.2/usage/site/" + SITE + "?" + query + "&page=2");
  }

  @Test
  void documentListsSendIsDeleted() throws InterruptedException {
    server.enqueue(json(page("documents", 1, 1, "")));

    nectar.documents().listByCompany(SITE, DataFilter.builder().isDeleted(true).build());

    assertThat(server.takeRequest().getUrl().queryParameter("isDeleted")).isEqualTo("true");
  }

  @Test
  void theLastPageFetchesNothingMore() {
    server.enqueue(json(page("meters", 1, 1, meters(1, 2))));

    assertThat(nectar.meters().listBySite(SITE).stream().count()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
