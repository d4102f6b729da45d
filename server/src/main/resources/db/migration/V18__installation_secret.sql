-- One row per installation: a fingerprint of the server secret (never the secret itself), so that a
-- server started with another NECTAR_SECRET_KEY than the others on this database stops at once instead
-- of failing to read their stored credentials and refusing their signed links. (V16 and V17 are the
-- dashboard's.)
create table installation (
  id                 smallint primary key default 1 check (id = 1),
  secret_fingerprint text not null,
  created            timestamptz not null default now()
);
