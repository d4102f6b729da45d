package io.nectar.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rollups' triggers (V19) against every kind of write the database sees, in plain SQL as any
 * writer (or the previous release, or an operator) would send it: multi-row inserts and updates, rows
 * moving between sites, months and units, soft and hard deletions, the cascades of deleting a meter, a
 * site or a company, and TRUNCATE. After each, the rollups must equal what the rows say, recomputed
 * here from the rows alone (by {@code date_trunc} and month series, not the migration's functions).
 */
class MonthlyRollupTriggerTest {
  static Jdbi db;
  static final UUID ORG = UUID.randomUUID();
  static final UUID COMPANY = UUID.randomUUID();
  static final UUID OTHER = UUID.randomUUID();
  static final UUID NORTH = UUID.randomUUID();
  static final UUID SOUTH = UUID.randomUUID();
  static final UUID M1 = UUID.randomUUID();
  static final UUID M2 = UUID.randomUUID();
  static final UUID M3 = UUID.randomUUID();
  static final UUID BILL_A = UUID.randomUUID();
  static final UUID BILL_B = UUID.randomUUID();
  static final UUID BILL_C = UUID.randomUUID();

  @BeforeAll
  static void migrate() {
    String url = TestDatabase.freshDatabaseUrl();
    Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration").load().migrate();
    db = Jdbi.create(url);
    sql("insert into organization (id, name, created_at) values (?, 'Rollup org', now())", ORG);
    for (UUID company : List.of(COMPANY, OTHER)) {
      sql("insert into company (id, organization_id, environment, name, data_collection_start_date, created_at, "
          + "updated_at) values (?, ?, 'SANDBOX', 'Rollup co', date '2024-01-01', now(), now())", company, ORG);
    }
    sql("insert into site (id, company_id, name, created_at, updated_at) values (?, ?, 'North', now(), now()), "
        + "(?, ?, 'South', now(), now())", NORTH, COMPANY, SOUTH, COMPANY);
    // Three meters in one statement: each gets its row of months (none yet) from the meter trigger.
    sql("insert into meter (id, company_id, site_id, datasource_type, created_at, updated_at) values "
        + "(?, ?, ?, 'ELECTRICITY', now(), now()), (?, ?, ?, 'GAS', now(), now()), (?, ?, ?, 'WATER', now(), now())",
        M1, COMPANY, NORTH, M2, COMPANY, NORTH, M3, COMPANY, SOUTH);
    // Bills: one site's electricity, a bill of two utilities without a site, one without a total or period end.
    sql("insert into document (id, company_id, site_id, bill_date, start_date, end_date, charges_units, "
        + "total_charges, source_type, datasource_types, created_at, updated_at) values "
        + "(?, ?, ?, date '2024-02-03', date '2024-01-01', date '2024-01-31', 'USD', 120.50, 'INVOICE', "
        + "'{ELECTRICITY}', now(), now()), "
        + "(?, ?, null, date '2024-03-05', date '2024-02-01', date '2024-02-29', 'USD', 80.125, 'INVOICE', "
        + "'{ELECTRICITY,GAS}', now(), now()), "
        + "(?, ?, ?, date '2024-03-20', null, null, null, null, 'INVOICE', '{}', now(), now())",
        BILL_A, COMPANY, NORTH, BILL_B, COMPANY, BILL_C, COMPANY, SOUTH);
  }

  @Test
  void theRollupsFollowEveryWriteOfTheRows() {
    assertRollupsMatchTheRows("after the meters and bills");

    // One multi-row insert: periods across month ends, a row without a site or meter, a deleted row, and
    // a period that ends before it starts (bad data: it counts for its end month).
    sql("""
        insert into usage_data (id, document_id, company_id, meter_id, site_id, position, datasource_type, start_date,
                                end_date, bill_date, usage, usage_units, is_deleted, created_at, updated_at)
        values (gen_random_uuid(), ?, ?, ?, ?, 0, 'ELECTRICITY', '2024-01-01', '2024-01-31', '2024-02-03', 100.5, 'kWh', false, now(), now()),
               (gen_random_uuid(), ?, ?, ?, ?, 1, 'ELECTRICITY', '2024-01-15', '2024-03-14', '2024-03-20', 0.125, 'kWh', false, now(), now()),
               (gen_random_uuid(), ?, ?, ?, ?, 2, 'ELECTRICITY', '2024-04-01', '2024-04-30', '2024-05-02', 7, 'MWh', false, now(), now()),
               (gen_random_uuid(), ?, ?, ?, ?, 0, 'GAS', '2024-02-01', '2024-02-29', '2024-03-05', 30, 'thm (US)', false, now(), now()),
               (gen_random_uuid(), ?, ?, null, null, 1, 'GAS', '2024-02-01', '2024-02-29', '2024-03-05', 4.75, 'thm (US)', false, now(), now()),
               (gen_random_uuid(), ?, ?, ?, ?, 0, 'WATER', '2024-06-10', '2024-05-20', '2024-06-30', 9, 'kgal (US)', false, now(), now()),
               (gen_random_uuid(), ?, ?, ?, ?, 1, 'WATER', '2024-07-01', '2024-07-31', '2024-08-01', 11, 'kgal (US)', true, now(), now())
        """, BILL_A, COMPANY, M1, NORTH, BILL_A, COMPANY, M1, NORTH, BILL_A, COMPANY, M1, NORTH,
        BILL_B, COMPANY, M2, NORTH, BILL_B, COMPANY, BILL_C, COMPANY, M3, SOUTH, BILL_C, COMPANY, M3, SOUTH);
    assertRollupsMatchTheRows("after a multi-row insert");
    assertThat(count("select count(*) from usage_month")).isPositive();

    sql("update usage_data set usage = usage * 3 + 0.001 where datasource_type = 'ELECTRICITY'");
    assertRollupsMatchTheRows("after new values");
    sql("update usage_data set site_id = ?, end_date = end_date + 45, usage_units = 'kWh' where meter_id = ?",
        SOUTH, M1);
    assertRollupsMatchTheRows("after rows moved to another site, month and unit");
    sql("update usage_data set is_deleted = true where document_id = ?", BILL_B);
    assertRollupsMatchTheRows("after a soft deletion");
    sql("update usage_data set is_deleted = false where document_id = ?", BILL_B);
    sql("update usage_data set is_deleted = false where document_id = ?", BILL_C);
    assertRollupsMatchTheRows("after undeletions");
    sql("update usage_data set tariff = 'T1'");
    assertRollupsMatchTheRows("after an update that changes no figure");

    sql("update document set total_charges = 99.99, end_date = date '2024-03-31' where id = ?", BILL_A);
    sql("update document set datasource_types = '{GAS}', site_id = ? where id = ?", SOUTH, BILL_B);
    assertRollupsMatchTheRows("after bills changed");
    sql("update document set deleted_at = now() where id = ?", BILL_A);
    assertRollupsMatchTheRows("after a bill's soft deletion");

    sql("delete from usage_data where meter_id = ? and end_date > date '2024-04-01'", M1);
    assertRollupsMatchTheRows("after rows deleted");
    sql("delete from document where id = ?", BILL_C);
    assertRollupsMatchTheRows("after a bill deleted with its rows (cascade)");
    sql("delete from meter where id = ?", M2);
    assertRollupsMatchTheRows("after a meter deleted (its rows keep their figures, without a meter)");
    sql("delete from site where id = ?", SOUTH);
    assertRollupsMatchTheRows("after a site deleted with its rows and bills (cascade)");

    sql("""
        insert into usage_data (id, document_id, company_id, meter_id, site_id, position, datasource_type, start_date,
                                end_date, bill_date, usage, usage_units, created_at, updated_at)
        values (gen_random_uuid(), ?, ?, ?, ?, 5, 'ELECTRICITY', '2024-08-01', '2024-08-31', '2024-09-02', 5, 'kWh', now(), now())
        """, BILL_A, COMPANY, M1, NORTH);
    assertRollupsMatchTheRows("after another insert");
    assertThat(count("select count(*) from usage_month")).isPositive();
    sql("truncate usage_data");
    assertRollupsMatchTheRows("after TRUNCATE");
    assertThat(count("select count(*) from usage_month")).isZero();

    sql("delete from company where id = ?", COMPANY);
    assertRollupsMatchTheRows("after the company deleted");
    assertThat(count("select count(*) from bill_month") + count("select count(*) from meter_bill_months")).isZero();
  }

  /** Every rollup against the rows: each difference, either way, is named in the failure. */
  private static void assertRollupsMatchTheRows(String when) {
    String usage = """
        select company_id, site_id, datasource_type, usage_units, date_trunc('month', end_date)::date as month,
               sum(usage) as usage, count(*) as usage_rows
          from usage_data where not is_deleted group by 1, 2, 3, 4, 5""";
    assertThat(rows("(" + usage + ") except (select * from usage_month)")).as("usage groups missing " + when)
        .isEmpty();
    assertThat(rows("(select * from usage_month) except (" + usage + ")")).as("usage groups wrong " + when).isEmpty();

    String bills = """
        select company_id, site_id,
               case cardinality(datasource_types) when 1 then datasource_types[1] when 0 then 'NONE' else 'SEVERAL' end,
               coalesce(charges_units, ''), date_trunc('month', coalesce(end_date, bill_date))::date,
               coalesce(sum(total_charges), 0), count(total_charges), count(*)
          from document where deleted_at is null and coalesce(end_date, bill_date) is not null
         group by 1, 2, 3, 4, 5""";
    assertThat(rows("(" + bills + ") except (select * from bill_month)")).as("bill groups missing " + when).isEmpty();
    assertThat(rows("(select * from bill_month) except (" + bills + ")")).as("bill groups wrong " + when).isEmpty();

    String billed = """
        select distinct u.meter_id, m::date
          from usage_data u, generate_series(date_trunc('month', least(u.start_date, u.end_date)),
                                             date_trunc('month', u.end_date), interval '1 month') m
         where not u.is_deleted and u.meter_id is not null""";
    String rolled = """
        select b.meter_id, make_date(n / 12, n % 12 + 1, 1)
          from meter_bill_months b, unnest(b.months) r, generate_series(lower(r), upper(r) - 1) n""";
    assertThat(rows("(" + billed + ") except (" + rolled + ")")).as("billed months missing " + when).isEmpty();
    assertThat(rows("(" + rolled + ") except (" + billed + ")")).as("billed months wrong " + when).isEmpty();
    assertThat(rows("select id::text from meter m where not exists (select 1 from meter_bill_months b "
        + "where b.meter_id = m.id and b.company_id = m.company_id)")).as("meters without their row " + when).isEmpty();
  }

  private static List<String> rows(String query) {
    return db.withHandle(h -> h.createQuery("select x::text from (" + query + ") x").mapTo(String.class).list());
  }

  private static long count(String query) {
    return db.withHandle(h -> h.createQuery(query).mapTo(Long.class).one());
  }

  private static void sql(String statement, Object... arguments) {
    db.useHandle(h -> h.execute(statement, arguments));
  }
}
