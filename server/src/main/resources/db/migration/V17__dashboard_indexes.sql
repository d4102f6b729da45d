-- The dashboard's aggregates (issue 14; io.nectar.insights): a company's usage and cost by site,
-- utility and month, and which months each tracked meter has a bill for, over a period of months. Both
-- read every usage row whose period ends in the range: with these columns in the index that read
-- comes from the index alone (an index-only scan of the range) instead of the whole table, about a
-- third of the 1M-row benchmark company for a year instead of all of it. Only additions.
create index usage_company_figures on usage_data (company_id, end_date)
  include (start_date, site_id, meter_id, datasource_type, usage_units, usage) where not is_deleted;
