-- The dashboard's monthly rollups (issue 14; io.nectar.insights). A company overview, a site page and
-- the bills still missing used to read a year of usage rows each time a company's data changed (a
-- third of a million in the 1M-row benchmark, about half a second). These tables hold the same sums a
-- month at a time, so a chart reads months, not rows:
--   usage_month        usage per company, site, utility, unit and month (the month a period ends in)
--   bill_month         bills and their cost per company, site, utility, currency and month
--   meter_bill_months  the months each meter has a bill for (for the bills still missing)
--
-- Triggers keep them, in the statement (and so the transaction) that writes the rows, like the data
-- versions of V4: whatever code writes usage or documents, today's writers, tomorrow's, an operator's
-- SQL, or the previous release during a rolling upgrade (which knows nothing of these tables), the
-- rollups follow. They are statement-level with transition tables: a multi-row statement is one
-- grouped upsert, not a call per row (UsageStore's JDBC batch still sends a statement per row, about
-- a millisecond of trigger each; pgjdbc's reWriteBatchedInserts would make a bill one statement).
-- Sums are numeric, exact; a group whose last row leaves is deleted (the counts say when), so no
-- month shows a zero that is really nothing.
-- Writers of one company already queue on its data-version row (V4's trigger, which fires first:
-- triggers fire in name order and these names extend V4's), so these upserts add no new lock order.
-- Needs PostgreSQL 14 or newer (multiranges). Only additions.

create table usage_month (
  company_id       uuid not null references company (id) on delete cascade,
  site_id          uuid references site (id) on delete cascade,
  datasource_type  text not null,
  usage_units      text not null,
  month            date not null,          -- the first day of the month the usage periods end in
  usage            numeric not null,       -- the exact sum of the rows' usage
  usage_rows       bigint not null         -- how many rows: the group goes when it reaches 0
);
create unique index usage_month_key on usage_month
  (company_id, month, coalesce(site_id, '00000000-0000-0000-0000-000000000000'::uuid), datasource_type, usage_units);
create index usage_month_site on usage_month (site_id, month);
-- Groups whose last row just left, found without a scan (always next to empty).
create index usage_month_empty on usage_month (company_id) where usage_rows = 0;

create table bill_month (
  company_id    uuid not null references company (id) on delete cascade,
  site_id       uuid references site (id) on delete cascade,
  utility       text not null,             -- the bill's one datasource type, else SEVERAL or NONE
  currency      text not null,             -- charges_units, '' when the bill gives none
  month         date not null,             -- the first day of the month the bill's period ends in
  cost          numeric not null,          -- the exact sum of the bills' total charges
  priced_bills  bigint not null,           -- bills with a total charge: no cost figure without one
  bills         bigint not null            -- every bill of the group: the group goes when it reaches 0
);
create unique index bill_month_key on bill_month
  (company_id, month, coalesce(site_id, '00000000-0000-0000-0000-000000000000'::uuid), utility, currency);
create index bill_month_site on bill_month (site_id, month);
create index bill_month_empty on bill_month (company_id) where bills = 0;

-- Months as numbers (year * 12 + month - 1), so a meter's months are one multirange: a meter billed
-- every month is a single range whatever the length, and the months missing in a window are one
-- subtraction. A period that ends before it starts (bad data) counts for its end month alone.
create function bill_month_number(day date) returns integer language sql immutable parallel safe
  return extract(year from day)::integer * 12 + extract(month from day)::integer - 1;
create function bill_months(start_date date, end_date date) returns int4range language sql immutable
  parallel safe
  return int4range(least(bill_month_number(start_date), bill_month_number(end_date)), bill_month_number(end_date) + 1);
-- The utility a bill's cost counts for: its one datasource type, else SEVERAL or NONE (the words of
-- io.nectar.insights.Figure).
create function bill_utility(types text[]) returns text language sql immutable parallel safe
  return case cardinality(types) when 1 then types[1] when 0 then 'NONE' else 'SEVERAL' end;
-- The first day of the day's month (date_trunc would go through a time zone).
create function month_start(day date) returns date language sql immutable parallel safe
  return day - extract(day from day)::integer + 1;

-- Where a meter's newest run of months with a bill starts (its last range's lower bound): ranges of a
-- multirange are ordered and apart, so it is the greatest lower bound. An empty one gives the largest
-- integer, so a meter without bills is never taken for a billed one.
create function newest_run_start(months int4multirange) returns integer language sql immutable parallel safe
  return coalesce((select max(lower(r)) from unnest(months) r), 2147483647);

-- A row per meter, made with the meter (trigger below) so that a meter without any bill has one too.
-- A window of months is wholly billed when it lies in the newest run, [newest_from, newest_until):
-- the two indexes find the meters for which that is not so (next to none, once bills are in), and
-- only those are looked at month by month. Reading a row per meter of a large company was the
-- slowest part of the overview.
create table meter_bill_months (
  meter_id      uuid primary key references meter (id) on delete cascade,
  company_id    uuid not null references company (id) on delete cascade,
  months        int4multirange not null,   -- every month a usage period of the meter touches
  newest_from   integer not null generated always as (newest_run_start(months)) stored,
  newest_until  integer not null generated always as (coalesce(upper(months), -1)) stored
);
create index meter_bill_months_from on meter_bill_months (company_id, newest_from);
create index meter_bill_months_until on meter_bill_months (company_id, newest_until);

create function add_meter_bill_months() returns trigger language plpgsql as $$
begin
  insert into meter_bill_months (meter_id, company_id, months)
  select n.id, n.company_id, '{}' from new_rows n
   order by n.id
  on conflict (meter_id) do nothing;
  return null;
end $$;

-- The trigger functions gather a statement's changes in a variable first, by event: a transition
-- table exists only under its own trigger's event, and static SQL keeps its plan from one call to the
-- next (the batched inserts of a bill fire once per row).
create function roll_up_usage() returns trigger language plpgsql as $$
declare
  delta usage_month[];       -- per group: what the statement added (+) or took away (-)
  touched uuid[];            -- meters whose months with a bill may have lost one
begin
  if tg_op = 'INSERT' then
    select array_agg(row(g.*)::usage_month) into delta from (
      select n.company_id, n.site_id, n.datasource_type, n.usage_units, month_start(n.end_date),
             sum(n.usage), count(*)
        from new_rows n where not n.is_deleted group by 1, 2, 3, 4, 5) g;
  elsif tg_op = 'DELETE' then
    select array_agg(row(g.*)::usage_month) into delta from (
      select o.company_id, o.site_id, o.datasource_type, o.usage_units, month_start(o.end_date),
             -sum(o.usage), -count(*)
        from old_rows o where not o.is_deleted group by 1, 2, 3, 4, 5) g;
    select array_agg(distinct o.meter_id) into touched from old_rows o where o.meter_id is not null;
  else
    -- each changed row leaves its old group and joins its new one
    select array_agg(row(g.*)::usage_month) into delta from (
      select c.company_id, c.site_id, c.datasource_type, c.usage_units, month_start(c.end_date),
             sum(c.sign * c.usage), sum(c.sign)
        from (select -1 as sign, o.* from old_rows o union all select 1, n.* from new_rows n) c
       where not c.is_deleted group by 1, 2, 3, 4, 5) g;
    -- an update that leaves meter, dates and deletion alone takes no month away
    select array_agg(distinct x.meter_id) into touched
      from old_rows o join new_rows n on n.id = o.id
     cross join lateral (values (o.meter_id), (n.meter_id)) x (meter_id)
     where x.meter_id is not null and (o.meter_id, o.start_date, o.end_date, o.is_deleted)
           is distinct from (n.meter_id, n.start_date, n.end_date, n.is_deleted);
  end if;

  -- Groups of a company or site being deleted are left alone: they go with it (cascade).
  insert into usage_month as m
  select d.* from unnest(delta) d
   where (d.usage_rows <> 0 or d.usage <> 0)
     and exists (select 1 from company k where k.id = d.company_id)
     and (d.site_id is null or exists (select 1 from site s where s.id = d.site_id))
   order by d.company_id, d.month, d.site_id, d.datasource_type, d.usage_units
  on conflict (company_id, month, coalesce(site_id, '00000000-0000-0000-0000-000000000000'::uuid),
               datasource_type, usage_units)
  do update set usage = m.usage + excluded.usage, usage_rows = m.usage_rows + excluded.usage_rows;
  if tg_op <> 'INSERT' then
    delete from usage_month where usage_rows = 0;
  end if;

  -- Months with a bill, per meter: an insert only adds months; the meters an update or delete
  -- touched have theirs read again from their rows (a meter has a few dozen).
  if tg_op = 'INSERT' then
    insert into meter_bill_months as b (meter_id, company_id, months)
    select n.meter_id, m.company_id, range_agg(bill_months(n.start_date, n.end_date))
      from new_rows n join meter m on m.id = n.meter_id
     where not n.is_deleted
     group by n.meter_id, m.company_id
     order by n.meter_id
    on conflict (meter_id) do update set months = b.months + excluded.months;
  elsif touched is not null then
    insert into meter_bill_months as b (meter_id, company_id, months)
    select m.id, m.company_id, coalesce((select range_agg(bill_months(u.start_date, u.end_date))
                             from usage_data u where u.meter_id = m.id and not u.is_deleted), '{}')
      from meter m
     where m.id = any(touched)
       -- a meter whose site or company is being deleted goes too: reading its rows again would be wasted
       and exists (select 1 from site s where s.id = m.site_id)
       and exists (select 1 from company k where k.id = m.company_id)
     order by m.id
    on conflict (meter_id) do update set months = excluded.months;
  end if;
  return null;
end $$;

create function roll_up_bills() returns trigger language plpgsql as $$
declare
  delta bill_month[];        -- per group: what the statement added (+) or took away (-)
begin
  if tg_op = 'INSERT' then
    select array_agg(row(g.*)::bill_month) into delta from (
      select n.company_id, n.site_id, bill_utility(n.datasource_types), coalesce(n.charges_units, ''),
             month_start(coalesce(n.end_date, n.bill_date)), coalesce(sum(n.total_charges), 0),
             count(n.total_charges), count(*)
        from new_rows n where n.deleted_at is null and coalesce(n.end_date, n.bill_date) is not null
       group by 1, 2, 3, 4, 5) g;
  elsif tg_op = 'DELETE' then
    select array_agg(row(g.*)::bill_month) into delta from (
      select o.company_id, o.site_id, bill_utility(o.datasource_types), coalesce(o.charges_units, ''),
             month_start(coalesce(o.end_date, o.bill_date)), -coalesce(sum(o.total_charges), 0),
             -count(o.total_charges), -count(*)
        from old_rows o where o.deleted_at is null and coalesce(o.end_date, o.bill_date) is not null
       group by 1, 2, 3, 4, 5) g;
  else
    select array_agg(row(g.*)::bill_month) into delta from (
      select c.company_id, c.site_id, bill_utility(c.datasource_types), coalesce(c.charges_units, ''),
             month_start(coalesce(c.end_date, c.bill_date)), coalesce(sum(c.sign * c.total_charges), 0),
             coalesce(sum(c.sign) filter (where c.total_charges is not null), 0), sum(c.sign)
        from (select -1 as sign, o.* from old_rows o union all select 1, n.* from new_rows n) c
       where c.deleted_at is null and coalesce(c.end_date, c.bill_date) is not null
       group by 1, 2, 3, 4, 5) g;
  end if;

  insert into bill_month as m
  select d.* from unnest(delta) d
   where (d.bills <> 0 or d.priced_bills <> 0 or d.cost <> 0)
     and exists (select 1 from company k where k.id = d.company_id)
     and (d.site_id is null or exists (select 1 from site s where s.id = d.site_id))
   order by d.company_id, d.month, d.site_id, d.utility, d.currency
  on conflict (company_id, month, coalesce(site_id, '00000000-0000-0000-0000-000000000000'::uuid),
               utility, currency)
  do update set cost = m.cost + excluded.cost, priced_bills = m.priced_bills + excluded.priced_bills,
                bills = m.bills + excluded.bills;
  if tg_op <> 'INSERT' then
    delete from bill_month where bills = 0;
  end if;
  return null;
end $$;

-- Named after V4's triggers with a suffix, so they fire after them (same table, same event: name order).
create trigger usage_inserted_rollup after insert on usage_data referencing new table as new_rows
  for each statement execute function roll_up_usage();
create trigger usage_updated_rollup after update on usage_data
  referencing old table as old_rows new table as new_rows
  for each statement execute function roll_up_usage();
create trigger usage_deleted_rollup after delete on usage_data referencing old table as old_rows
  for each statement execute function roll_up_usage();
create trigger meter_inserted_rollup after insert on meter referencing new table as new_rows
  for each statement execute function add_meter_bill_months();
create trigger document_inserted_rollup after insert on document referencing new table as new_rows
  for each statement execute function roll_up_bills();
create trigger document_updated_rollup after update on document
  referencing old table as old_rows new table as new_rows
  for each statement execute function roll_up_bills();
create trigger document_deleted_rollup after delete on document referencing old table as old_rows
  for each statement execute function roll_up_bills();

-- TRUNCATE (no application path uses it; an operator or a test might) empties the rollups with it.
create function forget_usage_months() returns trigger language plpgsql as $$
begin
  delete from usage_month;
  update meter_bill_months set months = '{}' where not isempty(months);
  return null;
end $$;
create function forget_bill_months() returns trigger language plpgsql as $$
begin
  delete from bill_month;
  return null;
end $$;
create trigger usage_truncated_rollup after truncate on usage_data
  for each statement execute function forget_usage_months();
create trigger document_truncated_rollup after truncate on document
  for each statement execute function forget_bill_months();

-- What is there already.
insert into usage_month (company_id, site_id, datasource_type, usage_units, month, usage, usage_rows)
select company_id, site_id, datasource_type, usage_units, month_start(end_date), sum(usage), count(*)
  from usage_data where not is_deleted
 group by 1, 2, 3, 4, 5;
insert into bill_month (company_id, site_id, utility, currency, month, cost, priced_bills, bills)
select company_id, site_id, bill_utility(datasource_types), coalesce(charges_units, ''), month_start(coalesce(end_date, bill_date)),
       coalesce(sum(total_charges), 0), count(total_charges), count(*)
  from document where deleted_at is null and coalesce(end_date, bill_date) is not null
 group by 1, 2, 3, 4, 5;
insert into meter_bill_months (meter_id, company_id, months)
select m.id, m.company_id, coalesce(b.months, '{}')
  from meter m left join (
    select meter_id, range_agg(bill_months(start_date, end_date)) as months
      from usage_data where meter_id is not null and not is_deleted
     group by meter_id) b on b.meter_id = m.id;
