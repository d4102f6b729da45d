package io.nectar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code list}: its scopes reach the API's paths; one page, page N, or every page. */
class ListCommandTest {
  private static final String COMPANY = "0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c";
  private static final String CONNECTION = "0190f3a2-7a10-7c3e-8b55-00000000c0c0";
  private static final String DOCUMENT = "0190f3a2-7a10-7c3e-8b55-00000000d0c0";

  FakeApi api;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Map<String, String> env() {
    return CliRun.env(api.url(), "nk_test_1");
  }

  @Test
  void usageAndMetersAreListedByConnectionAndUsageByDocument() {
    api.on("GET", "/usage/connection/" + CONNECTION, 200, emptyPage("UsageData", "usageData"));
    api.on("GET", "/usage/document/" + DOCUMENT, 200, emptyPage("UsageData", "usageData"));
    api.on("GET", "/meter/connection/" + CONNECTION, 200, emptyPage("Meters", "meters"));

    CliRun usageOfConnection = CliRun.of(env(), "list", "usage", "--connection", CONNECTION, "--type", "GAS");
    CliRun usageOfDocument = CliRun.of(env(), "list", "usage", "--document", DOCUMENT, "--json");
    CliRun metersOfConnection = CliRun.of(env(), "list", "meter", "--connection", CONNECTION);

    for (CliRun run : new CliRun[] {usageOfConnection, usageOfDocument, metersOfConnection}) {
      assertThat(run.code()).as(run.err()).isZero();
    }
    assertThat(usageOfConnection.out()).startsWith("ID");
    assertThat(usageOfDocument.out()).isEqualToIgnoringWhitespace("[]");
    assertThat(api.requests.get(0).getUrl().queryParameter("datasourceType")).isEqualTo("GAS");
    assertThat(api.requests).extracting(r -> r.getUrl().encodedPath()).containsExactly(
        "/v2.2/usage/connection/" + CONNECTION, "/v2.2/usage/document/" + DOCUMENT,
        "/v2.2/meter/connection/" + CONNECTION);
  }

  @Test
  void aScopeTheListDoesNotHaveOrTwoScopesAreUsageErrors() {
    CliRun documentOfMeters = CliRun.of(env(), "list", "meter", "--document", DOCUMENT);
    CliRun two = CliRun.of(env(), "list", "usage", "--connection", CONNECTION, "--document", DOCUMENT);

    assertThat(documentOfMeters.err()).isEqualTo(
        "nectar api: list meter does not take --document; it takes --company or --site or --connection\n");
    assertThat(two.err()).isEqualTo("nectar api: list usage takes one of --connection, --document\n");
    assertThat(documentOfMeters.code()).isEqualTo(2);
    assertThat(two.code()).isEqualTo(2);
    assertThat(api.requests).isEmpty();
  }

  @Test
  void theFirstPageByDefaultPageNWithPageAndEveryPageWithAll() {
    api.on("GET", "/job/company/" + COMPANY, ListCommandTest::jobPage);

    CliRun first = CliRun.of(env(), "list", "job", "--company", COMPANY);
    CliRun second = CliRun.of(env(), "list", "job", "--company", COMPANY, "--page", "2");
    CliRun all = CliRun.of(env(), "list", "jobs", "--company", COMPANY, "--all", "--json");
    CliRun fromSecond = CliRun.of(env(), "list", "jobs", "--company", COMPANY, "--all", "--page", "2");

    assertThat(first.out().lines()).hasSize(2);
    assertThat(first.out()).contains(job(1)).doesNotContain(job(2));
    assertThat(first.err()).isEqualTo("Page 1 of 3 (3 in all); --page 2 prints the next, --all every page.\n");
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out().lines()).hasSize(2);
    assertThat(second.out()).contains(job(2));
    assertThat(second.err()).isEqualTo("Page 2 of 3 (3 in all); --page 3 prints the next, --all every page.\n");
    assertThat(all.out()).contains(job(1)).contains(job(2)).contains(job(3));
    assertThat(fromSecond.out()).doesNotContain(job(1)).contains(job(2)).contains(job(3));
    assertThat(fromSecond.err()).isEmpty();
  }

  @Test
  void pageNIsFetchedDirectlyNotByWalkingThePagesBeforeIt() {
    api.on("GET", "/job/company/" + COMPANY, ListCommandTest::jobPage);

    CliRun third = CliRun.of(env(), "list", "job", "--company", COMPANY, "--page", "3");

    assertThat(third.out()).contains(job(3));
    assertThat(api.requests("GET", "/job/").stream().map(r -> r.getUrl().queryParameter("page")))
        .as("the first page (for the page count), then the third").containsExactly(null, "3");
  }

  @Test
  void aPagePastTheLastOrBelowOneIsAUsageError() {
    api.on("GET", "/job/company/" + COMPANY, ListCommandTest::jobPage);
    api.on("GET", "/company", 200, "[]");

    CliRun past = CliRun.of(env(), "list", "job", "--company", COMPANY, "--page", "4");
    CliRun zero = CliRun.of(env(), "list", "job", "--company", COMPANY, "--page", "0");
    CliRun whole = CliRun.of(env(), "list", "company", "--page", "2");

    assertThat(past.err()).isEqualTo("nectar api: --page 4 is past the last page (3)\n");
    assertThat(zero.err()).isEqualTo("nectar api: --page must be 1 or more\n");
    assertThat(whole.err()).isEqualTo("nectar api: --page 2 is past the last page (1)\n");
    for (CliRun run : new CliRun[] {past, zero, whole}) {
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
    }
    assertThat(api.requests("GET", "/job/").stream().map(r -> r.getUrl().queryParameter("page")))
        .as("the page past the end is never asked for").doesNotContain("4");
  }

  /** A company's jobs, one a page, three pages. */
  private static mockwebserver3.MockResponse jobPage(RecordedRequest request) {
    String asked = request.getUrl().queryParameter("page");
    int page = asked == null ? 1 : Integer.parseInt(asked);
    return FakeApi.json(200, """
        {"totalJobs": 3, "perPage": 1, "totalPages": 3, "currentPage": %d, "hasNext": %s, "hasPrevious": %s,
         "jobs": [{"id": "%s", "status": "COMPLETED", "parsedDocumentIds": [], "files": [],
                   "created": "2024-02-03T10:15:30Z"}]}""".formatted(page, page < 3, page > 1, job(page)));
  }

  private static String job(int n) {
    return "00000000-0000-0000-0000-00000000000" + n;
  }

  private static String emptyPage(String totalName, String itemsKey) {
    return """
        {"total%s": 0, "perPage": 100, "totalPages": 0, "currentPage": 1, "hasNext": false, "hasPrevious": false,
         "%s": []}""".formatted(totalName, itemsKey);
  }
}
