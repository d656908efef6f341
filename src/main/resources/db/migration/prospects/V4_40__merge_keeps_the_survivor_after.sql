-- An unmerge put back the survivor as it was before the merge, and so silently dropped whatever it received since: a
-- person's correction, a later import's new phone (ADR 0110). The survivor as the merge left it is kept, so that an
-- unmerge can tell whether the survivor has changed since and refuse instead of losing that change. Merges made
-- before this column have none, and are undone as before.
alter table agency_merge
  add column survivor_after jsonb;
