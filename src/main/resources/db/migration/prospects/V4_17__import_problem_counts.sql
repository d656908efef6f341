-- How many times each problem (field:code, as in the row report) occurred in an import, added batch by batch in
-- the transaction that writes the batch, so that a resumed import counts each row once. The report page shows
-- them without reading every row back.
alter table import_job add column problems jsonb not null default '{}';
