-- The hosted connection flow (issue 12): a customer with no account here connects a utility through
-- an invitation or a legacy magic link. Migrations only add.

-- What a utility handed back when the account holder answered its one-time code, sealed like the
-- password (AES-GCM, bound to the connection), so later logins stay trusted.
alter table connection add column mfa_token_sealed bytea;

-- One visit of the hosted flow. The browser holds the session token in the page address only (a
-- third-party iframe may not keep cookies); only its SHA-256 is stored. Everything the pages need
-- between steps lives here, so any server behind a load balancer can serve the next step.
create table hosted_session (
  id                      uuid primary key,
  token_hash              bytea not null unique,
  organization_id         uuid not null references organization (id) on delete cascade,
  environment             text not null check (environment in ('SANDBOX', 'PRODUCTION')),
  company_id              uuid not null references company (id) on delete cascade,
  entry                   text not null check (entry in ('INVITATION', 'COMPANY_LINK', 'CONNECTION_LINK')),
  invitation_id           uuid,
  target_connection_id    uuid references connection (id) on delete cascade,   -- the one a reconnect repairs
  created_connection_id   uuid references connection (id) on delete set null,  -- the last one this visit made
  allowed_emails          text[] not null default '{}',   -- the invitation's, when the visit began
  prefill_sites           uuid[] not null default '{}',   -- what the invitation or link filled in
  prefill_utility_url     text,
  prefill_utility_types   text[] not null default '{}',
  prefill_country         text,
  prefill_owner_email     text,
  prefill_start_date      date,
  verified_email          text,
  pending_email           text,
  email_code_hash         bytea,
  email_code_expires_at   timestamptz,
  email_code_attempts     int not null default 0,
  completed_at            timestamptz,
  created_at              timestamptz not null,
  expires_at              timestamptz not null
);
create index hosted_session_expiry on hosted_session (expires_at);

-- Attempts on public pages (credentials, codes), counted per link and per client address so that a
-- leaked link cannot be used to guess passwords at speed. Rows older than the longest window go.
create table hosted_attempt (
  scope       text not null,
  at          timestamptz not null
);
create index hosted_attempt_scope on hosted_attempt (scope, at);
