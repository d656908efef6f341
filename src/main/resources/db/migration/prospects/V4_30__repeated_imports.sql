-- A file sent again once its import is done (the same bytes, sheet and mapping) is a job of its own that imports
-- nothing: it is DONE at once, every row of it ends where the earlier import put it (MERGED, or REJECTED for the same
-- reasons), and its report and "agencies of this import" are read from the earlier job's rows (ADR 0055).
alter table import_job add column repeat_of uuid;
alter table import_job add constraint import_job_repeat_of_fk
  foreign key (org_id, repeat_of) references import_job (org_id, id) on delete cascade;
