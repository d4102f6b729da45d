-- A version per company, bumped by every statement that writes its documents or usage rows. List
-- totals are cached under it: a changed company has a new version, so a cached total is never stale,
-- in this process or any other sharing the database. Triggers keep it exact whatever code writes.
create table company_data_version (
  company_id  uuid primary key references company (id) on delete cascade,
  version     bigint not null
);

create function bump_company_data_version() returns trigger language plpgsql as $$
begin
  -- The join skips a company whose own deletion cascaded here: it has no lists left to count.
  insert into company_data_version (company_id, version)
    select distinct r.company_id, 1 from changed_rows r join company c on c.id = r.company_id
  on conflict (company_id) do update set version = company_data_version.version + 1;
  return null;
end $$;

create trigger document_inserted after insert on document referencing new table as changed_rows
  for each statement execute function bump_company_data_version();
create trigger document_updated after update on document referencing new table as changed_rows
  for each statement execute function bump_company_data_version();
create trigger document_deleted after delete on document referencing old table as changed_rows
  for each statement execute function bump_company_data_version();
create trigger usage_inserted after insert on usage_data referencing new table as changed_rows
  for each statement execute function bump_company_data_version();
create trigger usage_updated after update on usage_data referencing new table as changed_rows
  for each statement execute function bump_company_data_version();
create trigger usage_deleted after delete on usage_data referencing old table as changed_rows
  for each statement execute function bump_company_data_version();

-- USAGE_PERIOD filters of a company's usage: a range of end dates, not a scan of every row.
create index usage_company_period on usage_data (company_id, end_date, start_date) where not is_deleted;
