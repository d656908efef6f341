-- An agency a person sets aside (closed, out of scope, asked not to be contacted) takes the status ARCHIVED:
-- it leaves the list, the counts and the review queue, and cannot be changed until restored. Later imports
-- still match their rows to it, so the next file does not bring it back as a new agency. This table says who
-- archived it, when and why, while it stays archived; the history is in field_source (status lines) and in
-- the audit log.
create table agency_archive
(
  org_id      uuid        not null,
  agency_id   uuid        not null,
  archived_at timestamptz not null default now(),
  archived_by uuid,
  reason      text,
  primary key (org_id, agency_id),
  foreign key (org_id, agency_id) references agency (org_id, id)
);

alter table agency_archive enable row level security;
alter table agency_archive force row level security;
create policy tenant_isolation on agency_archive
  using (org_id = (select atlas_current_org())) with check (org_id = (select atlas_current_org()));
grant select, insert, delete on agency_archive to ${app_role};
