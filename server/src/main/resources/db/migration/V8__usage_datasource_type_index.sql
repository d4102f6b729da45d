-- A datasourceType filter used to walk the company's list order and skip the rows of other types:
-- cheap for a common type, but for a rare one (fuel among a million electricity rows) nearly the
-- whole list. This index holds each type's rows in list order, so a page of one type is a range.
create index usage_company_type on usage_data (company_id, datasource_type, bill_date, id) where not is_deleted;
