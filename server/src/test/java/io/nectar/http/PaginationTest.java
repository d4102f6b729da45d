package io.nectar.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nectar.http.Pagination.PageRequest;
import io.nectar.http.Pagination.PageWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaginationTest {

  @Test
  void theFirstPageIsTheDefault() {
    assertThat(PageRequest.parse(null, 100).page()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
      // total, requested page, expected page, total pages, offset
      "0,    1, 1, 1, 0",
      "0,    5, 1, 1, 0",
      "1,    1, 1, 1, 0",
      "100,  1, 1, 1, 0",
      "101,  2, 2, 2, 100",
      "250,  3, 3, 3, 200",
      "250,  4, 3, 3, 200",
      "250,  999999, 3, 3, 200"})
  void aPageFallsInsideTheSetAndAPagePastTheEndIsTheLastPage(long total, int requested, int page, int pages,
      long offset) {
    PageWindow window = new PageRequest(requested, 100).window(total);

    assertThat(window.page()).isEqualTo(page);
    assertThat(window.totalPages()).isEqualTo(pages);
    assertThat(window.offset()).isEqualTo(offset);
    assertThat(window.limit()).isEqualTo(100);
  }

  @Test
  void theEnvelopeHasNectarsFieldsInOrder() {
    var items = Json.array().add("a").add("b");

    var envelope = new PageRequest(2, 2).window(5).envelope("totalThings", "things", items);

    assertThat(envelope.toString()).isEqualTo(
        "{\"totalThings\":5,\"perPage\":2,\"totalPages\":3,\"currentPage\":2,\"hasNext\":true,"
            + "\"hasPrevious\":true,\"things\":[\"a\",\"b\"]}");
  }

  @Test
  void anEmptySetHasOneEmptyPageWithoutNeighbours() {
    var envelope = PageRequest.parse("1", 100).window(0).envelope("totalMeters", "meters", Json.array());

    assertThat(envelope.get("totalMeters").asLong()).isZero();
    assertThat(envelope.get("totalPages").asInt()).isEqualTo(1);
    assertThat(envelope.get("hasNext").asBoolean()).isFalse();
    assertThat(envelope.get("hasPrevious").asBoolean()).isFalse();
    assertThat(envelope.get("meters")).isEmpty();
  }

  @Test
  void theLastPageHasNoNextAndThePreviousExists() {
    var window = PageRequest.parse("3", 100).window(250);

    var envelope = window.envelope("totalDocuments", "documents", Json.array());

    assertThat(envelope.get("hasNext").asBoolean()).isFalse();
    assertThat(envelope.get("hasPrevious").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "abc", "1.5", "", " ", "1e3", "0x10"})
  void aPageThatIsNotAWholeNumberOfAtLeastOneIsRejected(String raw) {
    assertThatThrownBy(() -> PageRequest.parse(raw, 100))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.errors()).containsKey("page");
        });
  }

  @Test
  void aHugePageNumberIsThePastTheEndCaseNotAnError() {
    var window = PageRequest.parse("99999999999999999999999", 100).window(150);

    assertThat(window.page()).isEqualTo(2);
  }
}
