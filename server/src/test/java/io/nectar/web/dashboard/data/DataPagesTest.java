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
}
