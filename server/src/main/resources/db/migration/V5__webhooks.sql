-- Webhooks (CONTRACT §9): endpoints per organization and environment, an outbox of messages
-- written in the same transaction as the change they announce, one delivery row per message and
-- endpoint that the delivery worker claims, and a log of every attempt.

create table webhook_endpoint (
  id                       uuid primary key,
  organization_id          uuid not null references organization (id) on delete cascade,
  environment              text not null check (environment in ('SANDBOX', 'PRODUCTION')),
  url                      text not null,
  description              text,
  event_types              text[] not null default '{}',  -- empty: every event type
  secret_sealed            bytea not null,
  -- After a rotation the previous secret keeps signing next to the new one until it expires.
  previous_secret_sealed   bytea,
  previous_secret_expires  timestamptz,
  is_disabled              boolean not null default false,
  -- When the current run of failures began (null while the endpoint succeeds); 5 days disable it.
  failing_since            timestamptz,
  created_at               timestamptz not null,
  updated_at               timestamptz not null
);
create index webhook_endpoint_tenant on webhook_endpoint (organization_id, environment, created_at, id);

create table webhook_message (
  id               uuid primary key,
  organization_id  uuid not null references organization (id) on delete cascade,
  environment      text not null,
  event_type       text not null,
  -- The exact body sent: every retry and replay sends the same bytes under the same webhook-id.
  payload          text not null,
  created_at       timestamptz not null
);
create index webhook_message_tenant on webhook_message (organization_id, environment, created_at, id);

create table webhook_delivery (
  message_id       uuid not null references webhook_message (id) on delete cascade,
  endpoint_id      uuid not null references webhook_endpoint (id) on delete cascade,
  status           text not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
  attempts         int not null default 0,   -- attempts on the current schedule (a replay restarts it)
  next_attempt_at  timestamptz,              -- when PENDING
  -- A worker that claimed the delivery owns it until then; after a crash it is claimed again.
  locked_until     timestamptz,
  created_at       timestamptz not null,
  primary key (message_id, endpoint_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint on webhook_delivery (endpoint_id);

create table webhook_attempt (
  id                uuid primary key,
  message_id        uuid not null references webhook_message (id) on delete cascade,
  endpoint_id       uuid not null references webhook_endpoint (id) on delete cascade,
  attempted_at      timestamptz not null,
  status_code       int,
  duration_ms       int not null,
  response_excerpt  text,
  error             text,
  succeeded         boolean not null
);
create index webhook_attempt_endpoint on webhook_attempt (endpoint_id, attempted_at desc, id desc);
create index webhook_attempt_message on webhook_attempt (message_id);
