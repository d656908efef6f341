-- What became of each imported row is stored one written batch at a time instead of one row per file row
-- (ADR 0016): writing 100,000 import rows with their two indexes was the largest single cost of an import.
-- A chunk holds its rows in COPY's text format (RecordedRows: row number, status, agency, messages, match
-- reasons, confidence, the row verbatim, its clean values) and the agencies they ended in, for the agency
-- page (GIN: one pending-list entry per agency instead of a b-tree insert per row).
create table import_row_chunk
(
  org_id      uuid        not null,
  job_id      uuid        not null,
  first_row   int         not null,
  last_row    int         not null,
  row_count   int         not null,
  rows        text        not null,
  prospects   uuid[]      not null,
  recorded_at timestamptz not null default now(),
  primary key (org_id, job_id, first_row),
  foreign key (org_id, job_id) references import_job (org_id, id) on delete cascade
);
-- Stored as written: compressing every chunk would cost the import more CPU than the disk it saves.
alter table import_row_chunk alter column rows set storage external;
create index import_row_chunk_prospects_idx on import_row_chunk using gin (prospects);

alter table import_row_chunk enable row level security;
alter table import_row_chunk force row level security;
create policy tenant_isolation on import_row_chunk
  using (org_id = (select atlas_current_org())) with check (org_id = (select atlas_current_org()));
grant select, insert, update, delete on import_row_chunk to ${app_role};

-- Rows recorded before: the same text, 2,500 rows (the import's batch) to a chunk.
create function pg_temp.copy_text(value text) returns text
  language sql immutable
  return coalesce(replace(replace(replace(replace(value, '\', '\\'), chr(9), '\t'), chr(10), '\n'), chr(13), '\r'),
                  '\N');

insert into import_row_chunk (org_id, job_id, first_row, last_row, row_count, rows, prospects, recorded_at)
select org_id, job_id, min(row_number), max(row_number), count(*),
       string_agg(concat_ws(chr(9), row_number::text, pg_temp.copy_text(status), pg_temp.copy_text(prospect_id::text),
                            pg_temp.copy_text(messages), pg_temp.copy_text(match_reasons),
                            pg_temp.copy_text(confidence::text), pg_temp.copy_text(original),
                            pg_temp.copy_text(fields)) || chr(10), '' order by row_number),
       coalesce(array_agg(distinct prospect_id) filter (where prospect_id is not null), '{}'),
       min(recorded_at)
from import_row
group by org_id, job_id, (row_number - 1) / 2500;

drop table import_row;
