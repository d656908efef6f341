-- A draft is a file sent to the wizard whose import was never started: its columns step was left open, or the
-- wrong file was sent. Drafts kept their file for good; a person now discards one from the wizard, and one left
-- more than atlas.prospects.draft-retention is discarded by ImportFileRetention. Finding them crosses tenants, so
-- this narrow definer function returns ids only; each deletion then runs as the draft's tenant.
create function atlas_abandoned_import_drafts(p_created_before timestamptz, p_limit int)
  returns table (org_id uuid, job_id uuid)
  language sql stable security definer set search_path = public, pg_temp
as $$
  select j.org_id, j.id from import_job j
  where j.status = 'DRAFT' and j.created_at < p_created_before
  order by j.created_at
  limit p_limit
$$;
revoke all on function atlas_abandoned_import_drafts(timestamptz, int) from public;
grant execute on function atlas_abandoned_import_drafts(timestamptz, int) to ${app_role};
