-- A USAGE_PERIOD page walks the company's list order between the bill dates its range implies
-- (UsageStore.PeriodBounds) and keeps the rows whose period overlaps the range. With the periods'
-- dates in the list-order index that walk reads the index alone, and the planner, which cannot know
-- how closely bill dates follow periods, sees it as the cheap read it is: page 1 of a month's rows
-- in a 1M-row company is 100 index entries instead of a sort of all 27,800.
create index usage_company_listing on usage_data (company_id, bill_date, id) include (start_date, end_date)
  where not is_deleted;
drop index usage_company;
alter index usage_company_listing rename to usage_company;
