-- Every tenant policy compares org_id with the transaction's tenant, atlas_current_org(). Called as it is,
-- PostgreSQL works it out again for every row a statement checks (a setting looked up and a uuid parsed each
-- time); inside a scalar sub-select it is worked out once per statement (an InitPlan) and compared like a
-- constant. Same rule, same rows: only cheaper, for the bulk inserts of an import as for every read (ADR 0013).
-- Repeatable, so it runs after the versioned migrations of every module and finds all their policies; new
-- policies are written in the second form directly.
do $$
declare
  policy record;
begin
  for policy in
    select schemaname, tablename, policyname from pg_policies
    where schemaname = current_schema()
      and qual = '(org_id = atlas_current_org())'
      and with_check = '(org_id = atlas_current_org())'
  loop
    execute format('alter policy %I on %I.%I using (org_id = (select atlas_current_org()))'
                   ' with check (org_id = (select atlas_current_org()))',
                   policy.policyname, policy.schemaname, policy.tablename);
  end loop;
end $$;
