-- An uploaded file is needed until its import has ended (the worker streams it, a restart resumes from it, the
-- wizard previews it); after that the rows keep their verbatim copy in import_row.original. Ended imports'
-- files are deleted after atlas.prospects.import-file-retention (ImportFileRetention). Finding them crosses
-- tenants, so this narrow definer function returns ids only; each deletion then runs as the file's tenant.
create function atlas_expired_import_files(p_ended_before timestamptz, p_limit int)
  returns table (org_id uuid, job_id uuid)
  language sql stable security definer set search_path = public, pg_temp
as $$
  select j.org_id, j.id from import_job j
  where j.status in ('DONE', 'FAILED', 'CANCELLED') and j.finished_at < p_ended_before
    and exists (select 1 from import_file_chunk c where c.org_id = j.org_id and c.job_id = j.id)
  order by j.finished_at
  limit p_limit
$$;
revoke all on function atlas_expired_import_files(timestamptz, int) from public;
grant execute on function atlas_expired_import_files(timestamptz, int) to ${app_role};

-- When the file was deleted, so the import's page can say why it cannot be read again.
alter table import_job add column file_deleted_at timestamptz;
