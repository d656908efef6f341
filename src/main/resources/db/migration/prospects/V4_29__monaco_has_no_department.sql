-- Monaco's postcodes (980xx) were given the department "980", which is no French department (and none the
-- department filter or the reference data knows): an agency of Monaco has no department (Postcodes.department).
-- Agencies stored before are brought to the same rule, with a new version as any change of their values; so are
-- the snapshots of merges, so that an unmerge does not bring the old department back.
update agency
   set department = null, updated_at = now(), version = version + 1
 where department = '980';

update agency_merge
   set survivor_snapshot = jsonb_set(survivor_snapshot, '{department}', 'null'::jsonb)
 where survivor_snapshot ->> 'department' = '980';

update agency_merge
   set absorbed_snapshot = jsonb_set(absorbed_snapshot, '{department}', 'null'::jsonb)
 where absorbed_snapshot ->> 'department' = '980';
