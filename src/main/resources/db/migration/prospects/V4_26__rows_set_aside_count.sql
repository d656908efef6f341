-- Rows an import has set aside to decide at its end (ADR 0034) are read but not done: processed_rows stays where the
-- file has been read to (a restart resumes there), and the rows done, which the API and the pages show, are
-- processed_rows - set_aside_rows. A cancelled import thus says how many rows it imported, exactly the rows of its
-- report.
alter table import_job add column set_aside_rows int not null default 0;
