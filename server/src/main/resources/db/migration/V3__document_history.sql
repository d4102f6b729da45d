-- Everything that happened to a document, for its audit trail (CONTRACT §10): how it arrived, and
-- every later change with old and new values, by which key or process.
create table document_event (
  id           uuid primary key,
  document_id  uuid not null references document (id) on delete cascade,
  at           timestamptz not null,
  kind         text not null,            -- CREATED, USAGE_UPDATED, DELETED
  actor        text not null,            -- 'api key <id>' or the process, e.g. 'collection of connection <id>'
  detail       jsonb not null default '{}'
);
create index document_event_document on document_event (document_id, at, id);
