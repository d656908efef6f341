-- A node that restarts after a crash finds its former self's jobs RUNNING with a heartbeat that looks fresh: until
-- atlas.prospects.import-stale-after (2 minutes) had passed, nobody took them over and they showed frozen progress.
-- The worker names them "pid@host/uuid"; a node can tell that a worker of its own host is dead (no such process, or
-- its own pid under another name), and hands its jobs over at once. These two functions see only worker names and
-- touch only heartbeats, across organisations (the worker does not know them yet).
create function atlas_running_job_workers()
  returns setof text
  language sql stable security definer set search_path = public, pg_temp
as $$
  select worker from import_job where status = 'RUNNING' and worker is not null
  union
  select worker from prospect_bulk_job where status = 'RUNNING' and worker is not null
$$;
revoke all on function atlas_running_job_workers() from public;
grant execute on function atlas_running_job_workers() to ${app_role};

create function atlas_release_job_worker(p_worker text)
  returns integer
  language sql volatile security definer set search_path = public, pg_temp
as $$
  with imports as (
    update import_job set heartbeat_at = '-infinity' where status = 'RUNNING' and worker = p_worker returning 1),
  bulk as (
    update prospect_bulk_job set heartbeat_at = '-infinity' where status = 'RUNNING' and worker = p_worker returning 1)
  select ((select count(*) from imports) + (select count(*) from bulk))::integer
$$;
revoke all on function atlas_release_job_worker(text) from public;
grant execute on function atlas_release_job_worker(text) to ${app_role};
