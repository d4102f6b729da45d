package io.nectar.web.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.keys.Environment;
import io.nectar.testing.Response;
import io.nectar.web.dashboard.core.DashboardClient;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The data pages over plain HTTP, signed in as a person of organization A. */
class DataPagesTest {
  static DataWorld world;
  static DashboardClient ann;

  @BeforeAll
  static void start() {
    world = DataWorld.start();
    ann = world.signIn("Org A", "ann@a.example", Environment.SANDBOX);
  }

  @AfterAll
  static void stop() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void everyPageOfTheCompanyOpens() {
    String company = world.companyA.companyId();
    UUID meter = world.one("select meter_id from interval_reading r join meter m on m.id = r.meter_id "
        + "where m.company_id = ? limit 1", world.uuid(company));
    UUID document = world.one("select id from document where company_id = ? limit 1", world.uuid(company));
    UUID account = world.one("select id from account where company_id = ? limit 1", world.uuid(company));
    for (String path : new String[] {"/dashboard/companies", "/dashboard/companies/" + company,
        "/dashboard/companies/" + company + "/sites", "/dashboard/sites/" + world.companyA.siteId(),
        "/dashboard/companies/" + company + "/connections", "/dashboard/connections/" + world.companyA.connectionId(),
        "/dashboard/companies/" + company + "/accounts", "/dashboard/companies/" + company + "/meters",
        "/dashboard/meters/" + meter, "/dashboard/companies/" + company + "/documents",
        "/dashboard/sites/" + world.companyA.siteId() + "/documents", "/dashboard/documents/" + document,
        "/dashboard/companies/" + company + "/usage", "/dashboard/sites/" + world.companyA.siteId() + "/usage",
        "/dashboard/companies/" + company + "/uploads", "/dashboard/companies/" + company + "/invitations",
        "/dashboard/webhooks", "/dashboard/documents", "/dashboard/usage",
        "/dashboard/companies/" + company + "/charts/monthly", "/dashboard/meters/" + meter + "/charts/hourly",
        "/dashboard/meters/" + meter + "/charts/monthly", "/dashboard/sites/" + world.companyA.siteId()
            + "/charts/monthly"}) {
      Response page = ann.get(path);
      assertThat(page.status()).as(path + "\n" + page.body()).isIn(200, 303);
    }
    assertThat(account).isNotNull();
  }

  @Test
  void theChartDataIsTheExactSumOfTheUsageAndBillsOfEachMonth() {
    UUID company = world.uuid(world.companyA.companyId());
    Response chart = ann.get("/dashboard/companies/" + company + "/charts/monthly?from=2025-01&to=2025-12");
    assertThat(chart.status()).isEqualTo(200);
    var json = chart.json();
    assertThat(json.get("months")).hasSize(12);
    var electricity = java.util.stream.StreamSupport.stream(json.get("charts").spliterator(), false)
        .filter(c -> c.get("utility").asText().equals("ELECTRICITY")).findFirst().orElseThrow();
    for (var series : electricity.get("series")) {
      String month = json.get("months").get(5).asText(); // June 2025
      String expected = world.server.server().database().jdbi().withHandle(h -> h.createQuery(
              series.get("measure").asText().equals("USAGE")
                  ? "select sum(usage)::text from usage_data where company_id = :c and not is_deleted "
                      + "and datasource_type = 'ELECTRICITY' and to_char(end_date, 'YYYY-MM') = :m"
                  : "select sum(total_charges)::text from document where company_id = :c and deleted_at is null "
                      + "and datasource_types = '{ELECTRICITY}' and to_char(coalesce(end_date, bill_date), 'YYYY-MM') = :m")
          .bind("c", company).bind("m", month).mapTo(String.class).one());
      // The number as written in the JSON: the database's exact decimal, not a double's rendering.
      assertThat(series.get("values").get(5).isBigDecimal() || series.get("values").get(5).isIntegralNumber()).isTrue();
      assertThat(series.get("values").get(5).decimalValue()).isEqualByComparingTo(expected);
      assertThat(chart.body()).contains(new java.math.BigDecimal(expected).toPlainString());
    }
  }

  @Test
  void monthsWithoutABillOfATrackedMeterAreListedAsMissingUntilTheMeterIsNoLongerTracked() {
    UUID company = world.uuid(world.companyA.companyId());
    UUID meter = world.one("select m.id from meter m where m.company_id = ? and m.datasource_type = 'GAS'", company);
    String identifier = world.server.server().database().jdbi().withHandle(h -> h.createQuery(
        "select value from meter_identifier where meter_id = :m order by position limit 1").bind("m", meter)
        .mapTo(String.class).one());
    Response before = ann.get("/dashboard/companies/" + company + "?from=2025-01&to=2025-12");
    assertThat(before.body()).contains("id=\"missing-none\"");

    // Two bills of the gas meter gone (March and April 2025): one gap of two months.
    world.execute("update usage_data set is_deleted = true where meter_id = ? and end_date >= date '2025-03-01' "
        + "and end_date < date '2025-05-01'", meter);
    Response after = ann.get("/dashboard/companies/" + company + "?from=2025-01&to=2025-12");
    assertThat(after.body()).contains("data-months=\"2\"").contains(identifier).contains("Mar 2025 – Apr 2025");

    // Not tracked any more: not missing (tracking bumps no data version, yet the answer follows it).
    UUID account = world.one("select account_id from meter where id = ?", meter);
    ann.get("/dashboard/companies/" + company + "/accounts");
    Response off = ann.postWithToken("/dashboard/accounts/" + account + "/tracking",
        java.util.Map.of("tracked", "false", "meters", "on", "back", "/dashboard/companies/" + company + "/accounts"));
    assertThat(off.status()).isEqualTo(303);
    assertThat(ann.get("/dashboard/companies/" + company + "?from=2025-01&to=2025-12").body())
        .contains("id=\"missing-none\"");
    ann.get("/dashboard/companies/" + company + "/accounts");
    ann.postWithToken("/dashboard/accounts/" + account + "/tracking", java.util.Map.of("tracked", "true", "meters", "on"));
    world.execute("update usage_data set is_deleted = false where meter_id = ?", meter);
  }

  @Test
  void flaggedBillsLeadTheFirstPageOfTheListAndFollowItsFilter() {
    UUID company = world.uuid(world.companyA.companyId());
    UUID gas = world.one("select id from document where company_id = ? and datasource_types = '{GAS}' "
        + "order by bill_date desc limit 1", company);
    world.execute("update document set is_flagged = true, flagged_status = 'NEEDS_REVIEW' where id = ?", gas);
    try {
      Response page = ann.get("/dashboard/companies/" + company + "/documents");
      String body = page.body();
      assertThat(body).contains("id=\"flagged-documents\"");
      // In the flagged table, before the list (whose first page holds the oldest bills, as the API orders them).
      assertThat(body.indexOf("data-document=\"" + gas + "\"")).isLessThan(body.indexOf("id=\"documents\""));
      assertThat(body).contains("Needs review");

      Response water = ann.get("/dashboard/companies/" + company + "/documents?datasourceType=WATER");
      assertThat(water.body()).doesNotContain("id=\"flagged-documents\"");
      Response second = ann.get("/dashboard/companies/" + company + "/documents?page=2");
      assertThat(second.body()).doesNotContain("id=\"flagged-documents\"");
    } finally {
      world.execute("update document set is_flagged = false, flagged_status = null where id = ?", gas);
    }
  }
}
