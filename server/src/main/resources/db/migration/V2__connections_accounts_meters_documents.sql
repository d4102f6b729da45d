-- Utility connections and what they collect (nectar-api.md §5–§10). Every row carries its company,
-- so a company's deletion cascades to all of it and tenancy checks need one join at most.

create table connection (
  id                          uuid primary key,
  company_id                  uuid not null references company (id) on delete cascade,
  url                         text not null,
  provider_name               text,
  username                    text not null,
  password_sealed             bytea not null,          -- AES-GCM under the server secret, bound to the id
  country                     text not null,
  status                      text not null,
  status_first_seen_time      timestamptz,
  status_last_update_time     timestamptz,
  status_error_detail         text,
  initial_sites               uuid[] not null,
  initial_datasource_types    text[] not null default '{}',
  workflow_owner_email        text,
  data_collection_start_date  date not null,
  multiply_by_occupancy       boolean not null default false,
  external_id                 text,
  is_active                   boolean not null default true,
  validation_count            integer not null default 0,
  collected_at                timestamptz,             -- end of the last complete collection
  created_at                  timestamptz not null,
  updated_at                  timestamptz not null
);
create index connection_company on connection (company_id, created_at, id);
create index connection_due_validation on connection (status_last_update_time) where is_active;

create table account (
  id                              uuid primary key,
  connection_id                   uuid not null references connection (id) on delete cascade,
  company_id                      uuid not null references company (id) on delete cascade,
  account_number                  text not null,
  tracking_status                 text not null default 'UNSET',
  is_duplicated                   text not null default 'false',
  data_collection_start_date      date,
  is_collecting_invoice_data      boolean not null default true,
  is_collecting_smart_meter_data  boolean not null default false,
  last_service_date               date,
  created_at                      timestamptz not null,
  updated_at                      timestamptz not null,
  unique (connection_id, account_number)
);
create index account_company on account (company_id, created_at, id);

create table meter (
  id                    uuid primary key,
  company_id            uuid not null references company (id) on delete cascade,
  site_id               uuid not null references site (id) on delete cascade,
  connection_id         uuid references connection (id) on delete cascade,
  account_id            uuid references account (id) on delete set null,
  provider_key          text,
  datasource_type       text not null,
  address               text,
  time_of_use           text,
  net_metering_type     text,
  water_type            text,
  meter_high_low        text,
  gas_type              text,
  fuel_type             text,
  district_type         text,
  district_medium_type  text,
  waste_description     text,
  waste_type            uuid,
  waste_stream          uuid,
  refrigerant_type      text,
  is_tracked            boolean not null default true,
  created_at            timestamptz not null,
  updated_at            timestamptz not null,
  unique (connection_id, provider_key)
);
create index meter_company on meter (company_id, created_at, id);
create index meter_site on meter (site_id, created_at, id);
create index meter_connection on meter (connection_id, created_at, id);
create index meter_account on meter (account_id);

-- normalized: dashes, spaces, underscores, commas and '/' removed, leading zeros stripped, upper case
-- (nectar-api.md §1.6), so a filter by identifier is one index lookup whatever the spelling.
create table meter_identifier (
  meter_id    uuid not null references meter (id) on delete cascade,
  position    integer not null,
  raw_name    text,
  value       text not null,
  name        text,
  normalized  text not null,
  primary key (meter_id, position)
);
create index meter_identifier_normalized on meter_identifier (normalized);

create table document (
  id                    uuid primary key,
  company_id            uuid not null references company (id) on delete cascade,
  connection_id         uuid references connection (id) on delete cascade,
  account_id            uuid references account (id) on delete set null,
  site_id               uuid references site (id) on delete cascade,
  provider_key          text,
  bill_date             date,
  start_date            date,
  end_date              date,
  due_date              date,
  charges_units         text,
  utility_company       text,
  total_charges         numeric,
  tax_charges           numeric,
  status                text not null default 'COMPLETE',
  flagged_status        text,
  is_flagged            boolean not null default false,
  source_type           text not null,
  file_name             text,
  blob_key              text,
  email                 text,
  job_id                uuid,
  notes                 text,
  invoice_id            text,
  revised_document_id   uuid references document (id) on delete set null,
  datasource_types      text[] not null default '{}',   -- the utility types of its usage, for the filter
  deleted_at            timestamptz,
  created_at            timestamptz not null,
  updated_at            timestamptz not null,
  unique (connection_id, provider_key)
);
-- Lists are ordered by bill date, then id: the default BILL_DATE filter and the order share one index,
-- so a page is read in index order. Soft-deleted rows are left out of these partial indexes.
create index document_company on document (company_id, bill_date, id) where deleted_at is null;
create index document_connection on document (connection_id, bill_date, id) where deleted_at is null;
create index document_site on document (site_id, bill_date, id) where deleted_at is null;

create table usage_data (
  id                            uuid primary key,
  document_id                   uuid not null references document (id) on delete cascade,
  company_id                    uuid not null references company (id) on delete cascade,
  meter_id                      uuid references meter (id) on delete set null,
  site_id                       uuid references site (id) on delete cascade,
  connection_id                 uuid references connection (id) on delete cascade,
  position                      integer not null,
  datasource_type               text not null,
  start_date                    date not null,
  end_date                      date not null,
  bill_date                     date not null,  -- the document's, or the period's end when it has none
  usage                         numeric not null,
  usage_units                   text not null,
  is_estimated                  boolean not null default false,
  is_implied                    boolean not null default false,
  current_reading               numeric,
  previous_reading              numeric,
  multiplier                    numeric,
  tariff                        text,
  net_metering_generated_kwh    numeric,
  net_metering_grid_import_kwh  numeric,
  net_metering_grid_export_kwh  numeric,
  exclusion                     boolean not null default false,
  utility_name                  text,
  country                       text,
  time_of_use_breakdown         jsonb,
  is_deleted                    boolean not null default false,  -- its document's soft deletion, copied
  created_at                    timestamptz not null,
  updated_at                    timestamptz not null
);
create index usage_company on usage_data (company_id, bill_date, id) where not is_deleted;
create index usage_site on usage_data (site_id, bill_date, id) where not is_deleted;
create index usage_connection on usage_data (connection_id, bill_date, id) where not is_deleted;
create index usage_document on usage_data (document_id, position);
create index usage_meter on usage_data (meter_id);

create table line_item (
  id                        uuid primary key,
  document_id               uuid not null references document (id) on delete cascade,
  position                  integer not null,
  meter_id                  uuid references meter (id) on delete set null,
  description               text,
  quantity                  numeric,
  quantity_units            text,
  rate                      numeric,
  total_charge              numeric,
  charge_type               text,
  electricity_charge_type   text,
  electricity_is_demand     boolean,
  electricity_time_of_use   text,
  gas_charge_type           text,
  billing_period            text
);
create index line_item_document on line_item (document_id, position);

create table demand_reading (
  id                  uuid primary key,
  document_id         uuid not null references document (id) on delete cascade,
  position            integer not null,
  meter_id            uuid references meter (id) on delete set null,
  start_date          date,
  end_date            date,
  is_estimated        boolean not null default false,
  demand_usage        numeric not null,
  demand_usage_units  text not null,
  description         text,
  demand_type         text
);
create index demand_reading_document on demand_reading (document_id, position);

create table interval_reading (
  id             uuid primary key,
  connection_id  uuid not null references connection (id) on delete cascade,
  meter_id       uuid not null references meter (id) on delete cascade,
  account_id     uuid references account (id) on delete set null,
  start_at       timestamptz not null,
  end_at         timestamptz not null,
  usage          numeric not null,
  usage_units    text not null,
  quality        text,
  created_at     timestamptz not null,
  updated_at     timestamptz not null,
  unique (meter_id, start_at)
);
create index interval_connection on interval_reading (connection_id, start_at, id);

-- db-scheduler's table (its postgresql_tables.sql): durable background work, claimed with row locks
-- so that several server processes on one database never run the same execution twice.
create table scheduled_tasks (
  task_name             text not null,
  task_instance         text not null,
  task_data             bytea,
  execution_time        timestamptz not null,
  picked                boolean not null,
  picked_by             text,
  last_success          timestamptz,
  last_failure          timestamptz,
  consecutive_failures  integer,
  last_heartbeat        timestamptz,
  version               bigint not null,
  priority              smallint,
  primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
