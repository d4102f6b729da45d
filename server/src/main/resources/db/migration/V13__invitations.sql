-- Invitations (nectar-api.md §11.1) and the public company id of the legacy magic links (§11.2).

-- The id magic links and connection objects show instead of the company's own id, which stays private.
-- Random (122 bits), url-safe (lower-case hex), unique; existing companies get one now.
alter table company add column public_id text;
update company set public_id = replace(gen_random_uuid()::text, '-', '') where public_id is null;
alter table company alter column public_id set not null;
alter table company alter column public_id set default replace(gen_random_uuid()::text, '-', '');
create unique index company_public_id on company (public_id);

-- An invitation to connect (CREATE_CONNECTION) or to fix one connection (EDIT_CONNECTION). Its token
-- is never stored: only its SHA-256, so a copy of the database opens no invitation.
create table invitation (
  id               uuid primary key,
  organization_id  uuid not null references organization (id) on delete cascade,
  environment      text not null check (environment in ('SANDBOX', 'PRODUCTION')),
  company_id       uuid not null references company (id) on delete cascade,
  connection_id    uuid references connection (id) on delete cascade,
  invitation_type  text not null check (invitation_type in ('CREATE_CONNECTION', 'EDIT_CONNECTION')),
  token_hash       text not null unique,          -- SHA-256 hex of the token
  allowed_emails   text[] not null default '{}',  -- lower-case; empty: anyone with the link
  expires_at       timestamptz,                   -- null: never
  max_uses         integer check (max_uses is null or max_uses >= 1),  -- null: unlimited
  use_count        integer not null default 0 check (use_count >= 0),
  prefill          jsonb not null default '{}',
  revoked_at       timestamptz,
  created_at       timestamptz not null,
  check ((invitation_type = 'EDIT_CONNECTION') = (connection_id is not null))
);
create index invitation_company on invitation (company_id, created_at desc, id desc);
create index invitation_edit_connection on invitation (connection_id) where connection_id is not null;

-- What happened to an invitation, oldest first: views, e-mails, verifications, uses, revocation.
create table invitation_event (
  id             uuid primary key,
  invitation_id  uuid not null references invitation (id) on delete cascade,
  event_type     text not null,
  email          text,
  metadata       jsonb not null default '{}',
  created_at     timestamptz not null
);
create index invitation_event_invitation on invitation_event (invitation_id, created_at, id);

-- The connections created through a CREATE_CONNECTION invitation.
create table invitation_connection (
  invitation_id  uuid not null references invitation (id) on delete cascade,
  connection_id  uuid not null references connection (id) on delete cascade,
  created_at     timestamptz not null,
  primary key (invitation_id, connection_id)
);
create index invitation_connection_connection on invitation_connection (connection_id);
