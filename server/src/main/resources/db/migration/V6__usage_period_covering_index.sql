-- USAGE_PERIOD pages read every row whose period overlaps the range and sort them by bill date and
-- id. Carrying those columns in the index lets that read come from the index alone (an index-only
-- scan) instead of fetching each of the ~28,000 rows of a month from the table; the page query also
-- bounds the end dates by the company's longest period, so the scan stops at the range.
create index usage_company_period_covering on usage_data (company_id, end_date, start_date)
  include (bill_date, id, position) where not is_deleted;
drop index usage_company_period;
