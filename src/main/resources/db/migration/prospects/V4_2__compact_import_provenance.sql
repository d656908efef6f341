-- Provenance of imported values, compactly: each import row keeps the clean values it gave its agency
-- (field -> value, jsonb) and when, instead of one field_source line per value (about 7 per row).
-- field_source keeps the other kinds (MERGE, user edits, enrichment) and the IMPORT lines written before.
alter table import_row
  add column fields      jsonb,
  add column recorded_at timestamptz not null default now();
