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

  @ParameterizedTest
  @CsvSource({"1073741824, 1073741824", "2147483647, 2147483647", "2147483648, 2147483647",
      "99999999999999999999, 2147483647"})
  void aPageInTheIntRangeIsKeptExactlyAndOnlyOneBeyondItIsClamped(String raw, int page) {
    assertThat(PageRequest.parse(raw, 100).page()).isEqualTo(page);
    assertThat(PageRequest.parse(" " + raw + " ", 100).page()).isEqualTo(page);
  }

  @Test
  void theLastPossiblePageOfTheLargestSetIsReachedWithoutOverflow() {
    var window = PageRequest.parse("2147483647", 1).window(Long.MAX_VALUE);

    assertThat(window.totalPages()).isEqualTo(Integer.MAX_VALUE);
    assertThat(window.page()).isEqualTo(Integer.MAX_VALUE);
    assertThat(window.offset()).isEqualTo(Integer.MAX_VALUE - 1L);
  }

  @Test
  void theEnvelopeIsOneCompleteJsonValueThatCanSitInsideAnother() throws Exception {
    // write() is also used to embed the envelope in a larger document: it must open and close its object.
    var out = new java.io.StringWriter();
    try (var g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartArray();
      new PageRequest(1, 2).window(3).write(g, "totalThings", "things", items -> {
        items.writeStartArray();
        items.writeEndArray();
      });
      g.writeString("after");
      g.writeEndArray();
    }

    assertThat(out.toString()).isEqualTo("[{\"totalThings\":3,\"perPage\":2,\"totalPages\":2,\"currentPage\":1,"
        + "\"hasNext\":true,\"hasPrevious\":false,\"things\":[]},\"after\"]");
  }

  @Test
  void aStreamedPageIsTheSameEnvelopeWrittenRowByRow() {
    FakeContext request = FakeContext.request(null, new byte[0]);
    var window = new PageRequest(2, 2).window(5);

    window.stream(request.context(), "totalThings", "things", java.util.List.of("c", "d"),
        (g, row) -> g.writeString(row));

    assertThat(request.status()).isEqualTo(200);
    assertThat(request.responseContentType()).isEqualTo("application/json");
    assertThat(request.written()).isEqualTo(
        window.envelope("totalThings", "things", Json.array().add("c").add("d")).toString());
  }
}
