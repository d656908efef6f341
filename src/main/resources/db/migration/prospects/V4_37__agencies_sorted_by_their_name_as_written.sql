-- Lists sorted by name followed the matching key, which leaves out articles, "de la", "du" and legal forms: "L'Adresse"
-- came first and "Agence Lumière" between "Agence de la Gare" and "Agence du Parc". They now sort by the name as
-- written, in French order (ICU's "fr-x-icu": case and accents compared after the letters), agencies without a name
-- (an empty key, shown by their website or e-mail) still last (ADR 0079). The key's index stays for the lookups by
-- name (a new agency's possible duplicates); the department's index follows the new order.
create index agency_org_sort_name_idx on agency (org_id, ((case when name_key = '' then null else name end) collate "fr-x-icu"));
drop index agency_org_department_idx;
create index agency_org_department_idx on agency (org_id, department, ((case when name_key = '' then null else name end) collate "fr-x-icu"));
