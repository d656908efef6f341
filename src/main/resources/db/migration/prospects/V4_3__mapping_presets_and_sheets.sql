-- Saved column mappings, per organisation, that the wizard and the API apply to later files.
create table import_mapping_preset
(
  org_id     uuid        not null,
  id         uuid        not null,
  name       text        not null,
  -- {"column header": "field"}, the same object POST /api/v1/imports accepts as `mapping`
  mapping    jsonb       not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id)
);
-- one preset per name (ignoring case) in an organisation: saving under a taken name replaces it
create unique index import_mapping_preset_org_name_idx on import_mapping_preset (org_id, lower(name));

alter table import_mapping_preset enable row level security;
alter table import_mapping_preset force row level security;
create policy tenant_isolation on import_mapping_preset
  using (org_id = atlas_current_org()) with check (org_id = atlas_current_org());
grant select, insert, update, delete on import_mapping_preset to ${app_role};

-- Which sheet of a workbook is imported (0-based; 0 for CSV) and the workbook's sheet names, so the
-- wizard can offer the others. Two imports of the same file but different sheets are different imports.
alter table import_job add column sheet int not null default 0;
alter table import_job add column sheets text[] not null default '{}';
