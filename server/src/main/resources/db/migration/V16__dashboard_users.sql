-- The dashboard (issue 14): people of an organization sign in with e-mail and password. Everything a
-- signed-in browser needs lives here, so any server behind a load balancer serves its next request.
-- Migrations only add.

-- A person of an organization. The password is an Argon2id hash in its PHC string form (salt and cost
-- inside); null until the person first uses their one-time link.
create table dashboard_user (
  id               uuid primary key,
  organization_id  uuid not null references organization (id) on delete cascade,
  email            text not null,                  -- lower-case, trimmed
  role             text not null check (role in ('ADMIN', 'MEMBER')),
  password_hash    text,
  created_at       timestamptz not null,
  password_set_at  timestamptz
);
-- One person, one account: an e-mail address signs in to exactly one organization.
create unique index dashboard_user_email on dashboard_user (email);
create index dashboard_user_organization on dashboard_user (organization_id, email);

-- A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy of the
-- database signs nobody in. Deleting the row is signing out: the cookie is worthless from then on.
create table dashboard_session (
  id            uuid primary key,
  token_hash    bytea not null unique,
  user_id       uuid not null references dashboard_user (id) on delete cascade,
  environment   text not null check (environment in ('SANDBOX', 'PRODUCTION')),
  created_at    timestamptz not null,
  last_seen_at  timestamptz not null,   -- idle expiry counts from here (kept to the minute)
  expires_at    timestamptz not null    -- absolute expiry, whatever the activity
);
create index dashboard_session_user on dashboard_session (user_id);
create index dashboard_session_expiry on dashboard_session (expires_at);

-- One-time links: the first administrator's (no user yet: the visitor names the e-mail), one made by
-- `nectar user create`, or an invitation of a colleague. Only the token's SHA-256 is stored.
create table dashboard_link (
  id               uuid primary key,
  token_hash       bytea not null unique,
  purpose          text not null check (purpose in ('FIRST_ADMIN', 'SET_PASSWORD', 'INVITATION')),
  organization_id  uuid not null references organization (id) on delete cascade,
  user_id          uuid references dashboard_user (id) on delete cascade,
  created_at       timestamptz not null,
  expires_at       timestamptz not null,
  used_at          timestamptz
);
create index dashboard_link_expiry on dashboard_link (expires_at);

-- Sign-in attempts, counted per client address and per e-mail address, so that every server sees the
-- same count. Rows older than the longest window go.
create table dashboard_attempt (
  scope  text not null,
  at     timestamptz not null
);
create index dashboard_attempt_scope on dashboard_attempt (scope, at);
