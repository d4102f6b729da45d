-- Incremental sync ("what was created or updated since yesterday?") filters usage by created_at or
-- updated_at. Without these indexes such a page scanned every usage row of the company (a parallel
-- sequential scan of 1M rows, about 120 ms, for an empty answer), or walked the list order past
-- nearly every row when the new rows sit at its end (about 900 ms for 5% of 1M rows). With them the
-- matching rows are read from the index alone (bill date and id included) and sorted.
create index usage_company_created on usage_data (company_id, created_at) include (bill_date, id)
  where not is_deleted;
create index usage_company_updated on usage_data (company_id, updated_at) include (bill_date, id)
  where not is_deleted;
