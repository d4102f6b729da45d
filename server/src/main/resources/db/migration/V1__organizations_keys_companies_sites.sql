-- Organizations hold API keys; every company belongs to one organization and one environment,
-- and only keys of that organization and environment may see it (CONTRACT §4).
create table organization (
  id          uuid primary key,
  name        text not null unique,
  created_at  timestamptz not null
);

create table api_key (
  id               uuid primary key,
  organization_id  uuid not null references organization (id) on delete cascade,
  name             text not null,
  environment      text not null check (environment in ('SANDBOX', 'PRODUCTION')),
  secret_hash      text not null unique,       -- SHA-256 hex of the secret; the secret is never stored
  secret_hint      text not null,              -- the first characters, to recognise a key in lists
  expires_at       timestamptz,
  created_at       timestamptz not null,
  last_used_at     timestamptz,
  revoked_at       timestamptz
);
create index api_key_organization on api_key (organization_id, created_at);

create table company (
  id                                   uuid primary key,
  organization_id                      uuid not null references organization (id),
  environment                          text not null check (environment in ('SANDBOX', 'PRODUCTION')),
  name                                 text not null,
  external_id                          text,
  data_collection_start_date           date not null,
  is_demand_enabled                    boolean not null default false,
  is_implied_metering_enabled          boolean not null default false,
  implied_metering_fraction            numeric(3, 2) not null default 1.00,
  is_basic_identifier_mapping_enabled  boolean not null default false,
  is_low_accuracy_mode_enabled         boolean not null default false,
  users                                text[] not null default '{}',
  created_at                           timestamptz not null,
  updated_at                           timestamptz not null,
  deleted_at                           timestamptz   -- set by DELETE; the purge removes the row later
);
create index company_tenant on company (organization_id, environment, created_at, id) where deleted_at is null;
create index company_pending_purge on company (deleted_at) where deleted_at is not null;

create table site (
  id                         uuid primary key,
  company_id                 uuid not null references company (id) on delete cascade,
  name                       text not null,
  external_id                text,
  address                    text,
  path                       text[] not null default '{}',
  occupancy_percent          numeric(7, 4),
  data_collection_stop_date  date,
  created_at                 timestamptz not null,
  updated_at                 timestamptz not null
);
create index site_company on site (company_id, created_at, id);

-- Responses remembered for the Idempotency-Key header (CONTRACT §11), per organization and environment.
create table idempotency_key (
  organization_id  uuid not null references organization (id) on delete cascade,
  environment      text not null,
  key              text not null,
  request_hash     text not null,
  status_code      integer,                   -- null while the first request is still running
  response_body    bytea,
  created_at       timestamptz not null,
  primary key (organization_id, environment, key)
);
create index idempotency_key_created on idempotency_key (created_at);
