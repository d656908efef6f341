-- Where each imported row went, by a 64-bit key of its values (ADR 0116): a row imported again ends in
-- that agency (or the one it was merged into since) instead of being matched anew. Read whole by an
-- import, in agency order, and changed when a person detaches a row; no foreign key, so that writing an
-- import's entries costs one index.
create table agency_row_key
(
  org_id    uuid   not null,
  import_id uuid   not null,
  agency_id uuid   not null,
  row_key   bigint not null
);
create index agency_row_key_org_agency_idx on agency_row_key (org_id, agency_id);

alter table agency_row_key enable row level security;
alter table agency_row_key force row level security;
create policy tenant_isolation on agency_row_key
  using (org_id = atlas_current_org()) with check (org_id = atlas_current_org());
grant select, insert, update, delete on agency_row_key to ${app_role};
