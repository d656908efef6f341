-- A row that only its name and place tie to an agency is decided after the rest of the file (ADR 0034): by then the
-- rows that carry identifiers have built their agencies, and a namesake in the same place is known. The numbers of
-- the rows an import set aside are stored with the batch that set them aside, so that a restarted import takes them
-- up again; their outcomes are stored at the end, in chunks marked as such, which the row report merges in row
-- order.
create table import_deferred_row
(
  org_id    uuid  not null,
  job_id    uuid  not null,
  first_row int   not null,
  rows      int[] not null,
  primary key (org_id, job_id, first_row),
  foreign key (org_id, job_id) references import_job (org_id, id) on delete cascade
);

alter table import_deferred_row enable row level security;
alter table import_deferred_row force row level security;
create policy tenant_isolation on import_deferred_row
  using (org_id = (select atlas_current_org())) with check (org_id = (select atlas_current_org()));
grant select, insert, update, delete on import_deferred_row to ${app_role};

alter table import_row_chunk add column deferred boolean not null default false;
