-- Seeds one company with 100 sites and 3 years of monthly bills across five utilities: 18,000
-- documents holding 1,000,800 usage rows (each bill covers the 55 or 56 meters of one account), the
-- shape of a large portfolio. Run with psql -v company=<uuid> against the server's database.
\set ON_ERROR_STOP on
begin;
create temp table bench_site as
  select gen_random_uuid() as id, n from generate_series(1, 100) n;
insert into site (id, company_id, name, external_id, address, path, created_at, updated_at)
  select id, :'company', 'Bench site ' || n, 'bench-' || n, n || ' Bench Street', '{US}', now(), now() from bench_site;

create temp table bench_type as
  select * from (values (1, 'ELECTRICITY', 'kWh'), (2, 'GAS', 'thm (US)'), (3, 'WATER', 'kgal (US)'),
                        (4, 'FUEL', 'gal (US)'), (5, 'SOLAR', 'kWh')) t(n, type, units);

create temp table bench_connection as select gen_random_uuid() as id;
insert into connection (id, company_id, url, username, password_sealed, country, status, initial_sites,
                        data_collection_start_date, created_at, updated_at)
  select id, :'company', 'https://bench.example.com', 'bench', '\x00', 'US', 'PENDING',
         array(select id from bench_site), '2023-01-01', now(), now() from bench_connection;

create temp table bench_account as
  select gen_random_uuid() as id, s.id as site_id, s.n as site_n, t.n as type_n, t.type, t.units
  from bench_site s cross join bench_type t;
insert into account (id, connection_id, company_id, account_number, created_at, updated_at)
  select a.id, (select id from bench_connection), :'company', 'B-' || a.site_n || '-' || a.type_n, now(), now() from bench_account a;

-- 1,000,800 usage rows / 18,000 bills: accounts of types 1-4 have 56 meters, type 5 has 54.
create temp table bench_meter as
  select gen_random_uuid() as id, a.id as account_id, a.site_id, a.type, a.units, m
  from bench_account a cross join generate_series(1, 56) m
  where m <= case when a.type_n = 5 then 54 else 56 end;
insert into meter (id, company_id, site_id, account_id, datasource_type, address, created_at, updated_at)
  select id, :'company', site_id, account_id, type, 'Bench meter ' || m, now(), now() from bench_meter;
insert into meter_identifier (meter_id, position, raw_name, value, name, normalized)
  select id, 0, 'Meter Number', lpad((row_number() over ())::text, 10, '0'), 'METER',
         (row_number() over ())::text from bench_meter;

create temp table bench_document as
  select gen_random_uuid() as id, a.id as account_id, a.site_id, a.type, mo,
         (date '2023-01-01' + (mo || ' months')::interval)::date as start_date
  from bench_account a cross join generate_series(0, 35) mo;
insert into document (id, company_id, account_id, site_id, bill_date, start_date, end_date, due_date, charges_units,
                      utility_company, total_charges, source_type, datasource_types, created_at, updated_at)
  select id, :'company', account_id, site_id, (start_date + interval '1 month - 1 day')::date, start_date,
         (start_date + interval '1 month - 1 day')::date, (start_date + interval '1 month 20 days')::date, 'USD',
         'Bench Utility', round((random() * 5000)::numeric, 2), 'INVOICE', array[type],
         now() - ((35 - mo) || ' days')::interval, now()
  from bench_document;

insert into usage_data (id, document_id, company_id, meter_id, site_id, connection_id, position, datasource_type,
                        start_date, end_date, bill_date, usage, usage_units, created_at, updated_at)
  select gen_random_uuid(), d.id, :'company', m.id, d.site_id, null, m.m, d.type, d.start_date,
         (d.start_date + interval '1 month - 1 day')::date, (d.start_date + interval '1 month - 1 day')::date,
         round((random() * 1000)::numeric, 3), m.units, now() - ((35 - d.mo) || ' days')::interval, now()
  from bench_document d join bench_meter m on m.account_id = d.account_id;
commit;
vacuum analyze;
