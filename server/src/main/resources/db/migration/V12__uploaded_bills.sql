-- Bills filed from uploaded files (issue 11, stages 7-9). Only additions and relaxations: during a
-- rolling upgrade the previous server keeps running on this schema, and everything it writes
-- (collected accounts, meters and documents, all with a connection) is still valid here.

-- The identifier normalisation of nectar-api.md §1.6 (io.nectar.meters.Identifiers): dashes, spaces,
-- underscores, commas and '/' removed, upper case, leading zeros stripped (one zero stays), so that
-- an account number printed as "0012-345 678" finds the account collected as "12345678".
create function normalized_identifier(raw text) returns text
  language sql immutable strict parallel safe
  as $$ select regexp_replace(upper(regexp_replace(raw, '[-\s_,/]', '', 'g')), '^0+(?=.)', '') $$;

-- An account read off an uploaded bill has no connection. Within a company there is one such account
-- per normalised number; accounts of connections keep their own (connection, number) key.
alter table account alter column connection_id drop not null;
create unique index account_uploaded_number on account (company_id, normalized_identifier(account_number))
  where connection_id is null;
-- Filing looks an uploaded bill's account up by its number among all of the company's accounts.
create index account_company_number on account (company_id, normalized_identifier(account_number));

-- A meter created from an uploaded bill has no connection either: its key ("upload:<type>:<number>")
-- is unique within the company, so two bills naming one new meter make one meter.
create unique index meter_uploaded_key on meter (company_id, provider_key) where connection_id is null;

-- upload_id: the upload a document was filed from; unique, so filing one upload twice files it once.
-- file_sha256: the file's digest, so the same file uploaded again is a duplicate without reading it.
-- meter_keys: the bill's meters as normalised numbers ("@<TYPE>" for usage billed to the account
-- without a meter number), kept because an unmatched bill has no usage rows to tell them.
alter table document add column upload_id uuid;
alter table document add column file_sha256 text;
alter table document add column meter_keys text[];
create unique index document_upload on document (upload_id) where upload_id is not null;
create index document_file_sha256 on document (company_id, file_sha256) where file_sha256 is not null;
-- The documents of an account and period, for de-duplication and revisions.
create index document_account_period on document (account_id, end_date, start_date) where account_id is not null;
