-- An import row's clean values (the provenance of what it gave its agency) become text, "field" unit-separator
-- "value" record-separator for each value (ImportJobs.packed), instead of jsonb. Parsing jsonb was the largest
-- single cost of writing import rows (about a third of copying them, ADR 0013); nothing queries inside the values
-- but the agency page, which splits the text as easily.
create function pg_temp.packed_values(fields jsonb) returns text
  language sql immutable
  return (select string_agg(key || chr(31) || translate(value, chr(30) || chr(31), '  ') || chr(30), '')
          from jsonb_each_text(fields));

alter table import_row alter column fields type text using pg_temp.packed_values(fields);
