-- An agency imported without a name has an empty name key (matching reads '' as "no name") and is shown by its
-- website or e-mail. Sorted by name_key, those came first in every list sorted by name, the default. Lists now sort
-- by nullif(name_key, '') with nulls last; the two indexes that serve that order follow the expression, so they stay
-- as many as before and an import writes no more.
drop index agency_org_name_idx;
create index agency_org_name_idx on agency (org_id, nullif(name_key, ''));
drop index agency_org_department_idx;
create index agency_org_department_idx on agency (org_id, department, nullif(name_key, ''));
