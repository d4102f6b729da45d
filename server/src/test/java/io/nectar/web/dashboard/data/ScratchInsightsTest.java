package io.nectar.web.dashboard.data;

import io.nectar.companies.CompanyService;
import io.nectar.insights.InsightService;
import io.nectar.insights.Period;
import io.nectar.keys.Caller;
import io.nectar.keys.Environment;
import io.nectar.lists.ListCache;
import io.nectar.lists.ListFilter;
import io.nectar.meters.MeterService;
import io.nectar.sites.SiteService;
import io.nectar.testing.SandboxCompany;
import io.nectar.testing.TestServer;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScratchInsightsTest {
  @Test
  void run() throws Exception {
    try (TestServer server = TestServer.start()) {
      var tenant = server.tenant("Scratch", Environment.SANDBOX);
      SandboxCompany c = SandboxCompany.create(server, tenant.key(), "Scratch Co");
      Field f = server.server().getClass().getDeclaredField("services");
      f.setAccessible(true);
      Object services = f.get(server.server());
      InsightService insights = new InsightService(server.server().database().jdbi(), server.clock(),
          (CompanyService) get(services, "companies"), (SiteService) get(services, "sites"),
          (MeterService) get(services, "meters"), new ListCache());
      Caller caller = Caller.acting(tenant.organizationId(), Environment.SANDBOX);
      UUID company = UUID.fromString(c.companyId());
      var figures = insights.company(caller, company, Optional.empty());
      System.out.println("PERIOD " + figures.period());
      figures.charts().forEach(ch -> System.out.println("CHART " + ch));
      figures.totals().forEach(t -> System.out.println("TOTAL " + t));
      figures.siteTotals().forEach(t -> System.out.println("SITE " + t));
      System.out.println("SITEFIG " + insights.site(caller, UUID.fromString(c.siteId()), Optional.empty()).charts());
      UUID meter = server.server().database().jdbi().withHandle(h -> h.createQuery(
          "select meter_id from interval_reading limit 1").mapTo(UUID.class).one());
      System.out.println("METER " + insights.meter(caller, meter, Optional.empty()).charts());
      var hours = insights.hours(caller, meter, Optional.empty(), Optional.empty());
      System.out.println("HOURS " + hours.hours().size() + " " + hours.hours().get(0));
      System.out.println("MISSING " + insights.missing(caller, company, Optional.empty(),
          figures.period()));
      server.server().database().jdbi().useHandle(h -> h.execute(
          "delete from usage_data where meter_id = ? and end_date >= date '2025-01-01' and end_date < date '2025-04-01'", meter));
      System.out.println("MISSING2 " + insights.missing(caller, company, Optional.empty(),
          new Period(java.time.YearMonth.of(2024,1), java.time.YearMonth.of(2026,10))));
      System.out.println("FLAGGED " + insights.flaggedOfCompany(caller, company,
          ListFilter.parse(java.util.Map.of(), io.nectar.lists.ListKind.DOCUMENTS), 10));
    }
  }

  private static Object get(Object services, String name) throws Exception {
    Method m = services.getClass().getDeclaredMethod(name);
    m.setAccessible(true);
    return m.invoke(services);
  }
}
