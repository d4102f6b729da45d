-- Upload jobs (POST /job/company/{id} and its /bulk form): one row per job, one per file of it.
-- The files are the work queue: a worker claims a row with FOR UPDATE SKIP LOCKED and holds it by a
-- lease it keeps renewing; a row whose worker died (kill -9, a lost machine) is claimed again once
-- its lease has run out. Filing is idempotent per upload id, so a second run never doubles a document.
create table upload_job (
  id                 uuid primary key,
  company_id         uuid not null references company (id) on delete cascade,
  site_id            uuid,
  kind               text not null,          -- FILE (one multipart file) or URLS (bulk by URL)
  status             text not null,          -- PENDING, COMPLETED, FAILED, TERMINATED
  termination_reason text,
  created            timestamptz not null,
  updated            timestamptz not null
);

-- GET /job/company/{id}: newest first, the id as the last tie-breaker.
create index upload_job_company_order on upload_job (company_id, created desc, id desc);

create table job_upload (
  id            uuid primary key,
  job_id        uuid not null references upload_job (id) on delete cascade,
  company_id    uuid not null references company (id) on delete cascade,
  position      int not null,               -- order within the job, from 0
  file_name     text not null,
  source_url    text,                       -- bulk: fetched by the worker; null for a multipart file
  blob_key      text,                       -- null until the file is stored
  sha256        text,
  file_type     text,                       -- PDF, PNG, JPEG; null until sniffed or when not one of them
  state         text not null,              -- PENDING, PROCESSING, DONE
  outcome       text,                       -- DOCUMENT, REVISION, DUPLICATE, NOT_A_BILL, UNREADABLE, FETCH_FAILED, FAILED
  document_id   uuid,
  reason        text,
  attempts      int not null default 0,
  claim_token   uuid,                       -- who holds the claim; only the holder records the outcome
  lease_until   timestamptz,                -- database time: every server compares against the same clock
  created       timestamptz not null,
  updated       timestamptz not null,
  unique (job_id, position)
);

-- The queue: unfinished rows in the order they arrived.
create index job_upload_queue on job_upload (created, position) where state <> 'DONE';
-- De-duplication before parsing: an earlier file of the company with the same bytes that became a document.
create index job_upload_same_file on job_upload (company_id, sha256) where document_id is not null;

-- An upload's file leaves the blob store with its row, through the queue of V10 (the purger keeps
-- a file a document still refers to).
create trigger job_upload_blob_deleted after delete on job_upload
  for each row when (old.blob_key is not null) execute function queue_document_blob_deletion();
