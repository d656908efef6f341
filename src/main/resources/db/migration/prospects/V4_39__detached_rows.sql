-- A row an import merged into an agency by mistake ("Orpi Lyon 3" into "Orpi Lyon 7") is detached from it on its
-- own (ADR 0092): a new agency is made of the row's values, and the agency it leaves is worked out again from its
-- other sources. Imported rows stay as the import recorded them (import_row_chunk names the agency each row ended
-- in); this table says which row now belongs to which agency, and keeps the agency as it was before, so that the
-- detachment can be undone exactly. No foreign key to agency: that would put referential triggers on agency,
-- whose writes the import budget counts (ADR 0012); the ids are checked by the service that writes them.
create table agency_row_detach
(
  org_id          uuid        not null,
  id              uuid        not null,
  job_id          uuid        not null,
  row_number      int         not null,
  from_agency_id  uuid        not null,
  agency_id       uuid        not null,
  from_snapshot   jsonb       not null,
  from_version    int         not null,
  agency_version  int         not null,
  detached_by     uuid,
  detached_at     timestamptz not null default clock_timestamp(),
  undone_at       timestamptz,
  primary key (org_id, id)
);
create index agency_row_detach_org_from_idx on agency_row_detach (org_id, from_agency_id);
create index agency_row_detach_org_agency_idx on agency_row_detach (org_id, agency_id);
create index agency_row_detach_org_job_idx on agency_row_detach (org_id, job_id) where undone_at is null;

alter table agency_row_detach enable row level security;
alter table agency_row_detach force row level security;
create policy tenant_isolation on agency_row_detach
  using (org_id = (select atlas_current_org())) with check (org_id = (select atlas_current_org()));
grant select, insert, update on agency_row_detach to ${app_role};
