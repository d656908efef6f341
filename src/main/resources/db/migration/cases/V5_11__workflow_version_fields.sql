-- A draft saved from a whole export keeps the export's custom fields (ADR 0090): they become the case type's
-- fields when the draft is published. Null: a version saved from {states, transitions} alone, which uses the
-- type's fields as they are.
alter table workflow_definition add column fields jsonb;
