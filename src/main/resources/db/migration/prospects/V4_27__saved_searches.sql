-- Searches of the agency list saved under a name, shared by the organisation's members: the list's filters as the
-- query string carries them ({"city": "Lyon", "headcount": "10-19"}), opened again in one click.
create table prospect_saved_search
(
  org_id     uuid        not null,
  id         uuid        not null,
  name       text        not null,
  filters    jsonb       not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id)
);
-- one search per name (ignoring case) in an organisation: saving under a taken name replaces it
create unique index prospect_saved_search_org_name_idx on prospect_saved_search (org_id, lower(name));

alter table prospect_saved_search enable row level security;
alter table prospect_saved_search force row level security;
create policy tenant_isolation on prospect_saved_search
  using (org_id = atlas_current_org()) with check (org_id = atlas_current_org());
grant select, insert, update, delete on prospect_saved_search to ${app_role};
