-- Files whose rows are gone, waiting to be deleted from the blob store (CompanyPurger drains it).
-- A document's row is deleted first and its file only afterwards: a crash in between leaves an
-- orphaned file, never a row pointing at a missing file, and this queue, committed with the
-- deletion, is how the next run finds the file again.
create table blob_deletion (
  blob_key   text primary key,
  queued_at  timestamptz not null default now()
);

-- Queued by the database itself, so that every way a document row disappears (a company purge's
-- cascade today, whatever deletes documents tomorrow) hands its file over in the same transaction.
create function queue_document_blob_deletion() returns trigger language plpgsql as $$
begin
  insert into blob_deletion (blob_key) values (old.blob_key) on conflict do nothing;
  return null;
end
$$;

create trigger document_blob_deleted after delete on document
  for each row when (old.blob_key is not null) execute function queue_document_blob_deletion();
create trigger document_blob_replaced after update of blob_key on document
  for each row when (old.blob_key is not null and old.blob_key is distinct from new.blob_key)
  execute function queue_document_blob_deletion();

-- Before a queued file is deleted the purger checks that no row refers to its key any more (a
-- key shared by two documents, or given again to a new one): this index keeps that check a lookup.
create index document_blob_key on document (blob_key) where blob_key is not null;
