package io.nectar.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.keys.Environment;
import io.nectar.testing.SandboxCompany;
import io.nectar.testing.TestServer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A USAGE_PERIOD page reads only the bill dates its range implies, from how the company's bills
 * are dated against their periods. These pages must hold exactly the rows whose period overlaps the
 * range, in list order, however the bills are dated: at the period's end, ahead of it, or years late.
 */
class UsagePeriodBoundsTest {
  static TestServer server;
  static String key;
  static SandboxCompany company;
  static Jdbi jdbi;
  static final LocalDate NEVER_BEFORE = LocalDate.parse("1900-01-01");
  static final LocalDate NEVER_AFTER = LocalDate.parse("2999-12-31");

  @BeforeAll
  static void start() {
    server = TestServer.start();
    key = server.tenant("Period Org", Environment.SANDBOX).key();
    company = SandboxCompany.create(server, key, "Period Co");
    jdbi = server.server().database().jdbi();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every page of the filtered list, read in turn. */
  private static List<String> pagedIds(String range) {
    String path = "/v2.2/usage/company/" + company.companyId() + "?dateType=USAGE_PERIOD&" + range;
    JsonNode first = server.get(path, key).json();
    List<String> ids = new ArrayList<>();
    for (int page = 1; page <= Math.max(1, first.get("totalPages").asInt()); page++) {
      JsonNode body = server.get(path + "&page=" + page, key).json();
      assertThat(body.get("totalUsageData").asInt()).isEqualTo(first.get("totalUsageData").asInt());
      body.get("usageData").forEach(u -> ids.add(u.get("id").asText()));
    }
    return ids;
  }

  /** The definition: rows whose period overlaps the range, both ends inclusive, in list order. */
  private static List<String> overlapping(LocalDate from, LocalDate to) {
    return jdbi.withHandle(h -> h.createQuery("""
            select id::text from usage_data where company_id = :c and not is_deleted
              and end_date >= :from and start_date <= :to order by bill_date, id""")
        .bind("c", UUID.fromString(company.companyId())).bind("from", from).bind("to", to)
        .mapTo(String.class).list());
  }

  private static void assertRangesMatchTheirDefinition(List<LocalDate[]> ranges) {
    for (LocalDate[] range : ranges) {
      LocalDate from = range[0];
      LocalDate to = range[1];
      assertThat(pagedIds("startDate=" + from + "&endDate=" + to)).as(from + ".." + to)
          .isEqualTo(overlapping(from, to)).doesNotHaveDuplicates();
      assertThat(pagedIds("startDate=" + from)).as(from + "..").isEqualTo(overlapping(from, NEVER_AFTER));
      assertThat(pagedIds("endDate=" + to)).as(".." + to).isEqualTo(overlapping(NEVER_BEFORE, to));
    }
  }

  /** Ranges around a period: its first and last day, a day inside, and spans reaching into it from either side. */
  private static List<LocalDate[]> around(LocalDate start, LocalDate end) {
    return List.of(new LocalDate[] {start, start}, new LocalDate[] {start.plusDays(5), start.plusDays(5)},
        new LocalDate[] {end, end}, new LocalDate[] {start.minusDays(40), start}, new LocalDate[] {end, end.plusDays(40)},
        new LocalDate[] {start.minusDays(400), end.plusDays(400)});
  }

  /**
   * Moves the bill date of the company's {@code n}th row (in period order) to {@code days} after its
   * period starts, and returns ranges around its period.
   */
  private static List<LocalDate[]> rebill(int n, int days) {
    LocalDate[] period = jdbi.withHandle(h -> h.createQuery("""
            update usage_data set bill_date = start_date + :days where id = (
              select id from usage_data where company_id = :c order by start_date, id offset :n limit 1)
            returning start_date, end_date""")
        .bind("days", days).bind("c", UUID.fromString(company.companyId())).bind("n", n)
        .map((rs, ctx) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}).one());
    return around(period[0], period[1]);
  }

  @Test
  void pagesHoldExactlyTheOverlappingRowsHoweverBillsAreDatedAgainstTheirPeriods() {
    assertThat(overlapping(NEVER_BEFORE, NEVER_AFTER)).hasSizeGreaterThan(100); // more than a page
    LocalDate firstStart = jdbi.withHandle(h -> h.createQuery("select min(start_date) from usage_data where company_id = :c")
        .bind("c", UUID.fromString(company.companyId())).mapTo(LocalDate.class).one());
    assertRangesMatchTheirDefinition(around(firstStart, firstStart.plusDays(30))); // bills dated at their periods' end

    assertRangesMatchTheirDefinition(rebill(30, -20)); // billed 20 days before its period starts
    assertRangesMatchTheirDefinition(rebill(31, 3));   // billed early in its period
    // billed three years late: bill dates no longer follow the periods closely
    assertRangesMatchTheirDefinition(rebill(32, 3 * 365));
  }
}
