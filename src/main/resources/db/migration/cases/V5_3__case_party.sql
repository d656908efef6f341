-- Parties of a case: agencies from Prospects, contacts, later listings. Prospects has no public lookup
-- service, so a party is a typed reference (type, id in its module, label shown) rather than a foreign key.
create table case_party
(
  org_id     uuid        not null,
  id         uuid        not null,
  case_id    uuid        not null,
  party_type text        not null check (party_type in ('AGENCY', 'CONTACT', 'LISTING')),
  party_ref  text        not null,
  label      text        not null,
  created_by uuid,
  created_at timestamptz not null,
  primary key (org_id, id),
  unique (org_id, case_id, party_type, party_ref),
  foreign key (org_id, case_id) references case_file (org_id, id)
);
create index case_party_org_ref_idx on case_party (org_id, party_type, party_ref);

alter table case_party enable row level security;
alter table case_party force row level security;
create policy tenant_isolation on case_party
  using (org_id = atlas_current_org()) with check (org_id = atlas_current_org());
grant select, insert, update, delete on case_party to ${app_role};
