package io.nectar.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.SandboxCompany;
import io.nectar.testing.TestServer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pages read after the previous page (from its remembered end) equal pages read by offset, and a
 * change to the company's data makes every remembered total and page end obsolete at once.
 */
class UsagePagingTest {
  static TestServer server;
  static String key;
  static SandboxCompany company;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    key = server.tenant("Paging Org", Environment.SANDBOX).key();
    company = SandboxCompany.create(server, key, "Paging Co");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<String> ids(int page) {
    return ids("", page);
  }

  private static List<String> ids(String filter, int page) {
    JsonNode body = server.get("/v2.2/usage/company/" + company.companyId() + "?page=" + page + filter, key).json();
    List<String> ids = new ArrayList<>();
    body.get("usageData").forEach(u -> ids.add(u.get("id").asText()));
    return ids;
  }

  private static long total() {
    return server.get("/v2.2/usage/company/" + company.companyId(), key).json().get("totalUsageData").asLong();
  }

  @Test
  void aPageReadFromThePreviousPagesEndEqualsThePageReadByOffsetAndFollowsChanges() {
    List<String> byOffset = ids(2); // no page 1 served yet: read by offset
    ids(1);                          // remembers where page 1 ends
    List<String> anchored = ids(2);

    assertThat(byOffset).hasSizeGreaterThan(1);
    assertThat(anchored).isEqualTo(byOffset);

    long before = total();
    String firstOfPage2 = byOffset.get(0);
    String documentId = server.get("/v2.2/usage/" + firstOfPage2, key).json().get("document").get("id").asText();
    assertThat(server.delete("/v2.2/document/" + documentId, key).status()).isEqualTo(204);

    assertThat(total()).isEqualTo(before - 1);
    List<String> after = ids(2);
    assertThat(after).doesNotContain(firstOfPage2);
    List<String> page1 = ids(1);
    assertThat(page1).doesNotContain(firstOfPage2);
    assertThat(ids(2)).isEqualTo(after);
    assertThat(page1.get(page1.size() - 1)).isNotEqualTo(after.get(0));
    assertThat(after.get(0)).isEqualTo(byOffset.get(1)); // everything moved up by the one hidden row
  }

  @Test
  void aCreatedOrUpdatedSincePageIsTheSameWhetherReadByOffsetOrFromThePreviousPagesEnd() {
    // Every row was created and updated after 2000, so these filters keep the whole list, and its order.
    for (String filter : List.of("&dateType=CREATED_DATE&startDate=2000-01-01",
        "&dateType=UPDATED_DATE&startDate=2000-01-01")) {
      int pages = server.get("/v2.2/usage/company/" + company.companyId(), key).json().get("totalPages").asInt();
      assertThat(pages).isGreaterThan(1);
      List<String> unfiltered = new ArrayList<>();
      for (int page = 1; page <= pages; page++) {
        unfiltered.addAll(ids(page));
      }
      List<String> byOffset = ids(filter, pages);
      List<String> walked = new ArrayList<>();
      for (int page = 1; page <= pages; page++) {
        walked.addAll(ids(filter, page)); // later pages are read from the end of the one before
      }
      assertThat(walked).as(filter).isEqualTo(unfiltered).doesNotHaveDuplicates();
      assertThat(walked.subList(walked.size() - byOffset.size(), walked.size())).as(filter).isEqualTo(byOffset);
      assertThat(ids("&dateType=UPDATED_DATE&startDate=2999-01-01", 1)).isEmpty();
    }
  }

  @Test
  void aRowThatCannotBeRenderedCutsTheTransferInsteadOfEndingAPageThatParses() {
    SandboxCompany broken = SandboxCompany.create(server, key, "Unrenderable Co");
    String page1 = "/v2.2/usage/company/" + broken.companyId();
    assertThat(server.get(page1, key).json().get("usageData")).hasSize(100);
    // Valid JSON for the column, but not the list of parts a breakdown is: rendering the page's last
    // row fails after the rows before it have been sent.
    server.server().database().jdbi().useHandle(h -> h.execute("""
        update usage_data set time_of_use_breakdown = '[1]' where id = (
          select id from (select id, bill_date from usage_data where company_id = ? and not is_deleted
                          order by bill_date, id limit 100) page order by bill_date desc, id desc limit 1)""",
        UUID.fromString(broken.companyId())));

    assertThatThrownBy(() -> server.get(page1, key)).isInstanceOf(UncheckedIOException.class);
    assertThat(server.get(page1 + "?page=2", key).status()).isEqualTo(200);
  }
}
