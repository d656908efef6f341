-- A job matches its rows against the organisation's agencies held in the worker's memory (ADR 0009): two jobs of
-- one organisation running at once on two nodes would not see each other's new agencies and could create the same
-- agency twice. A queued job is therefore claimed only while no other job of its organisation is running with a
-- live heartbeat; the transaction-scoped advisory lock keeps two nodes from claiming two jobs of one organisation
-- in the same instant. A stale running job is still taken over as before.
create or replace function atlas_claim_import_job(p_worker text, p_stale_after interval)
  returns table (org_id uuid, job_id uuid)
  language sql volatile security definer set search_path = public, pg_temp
as $$
  update import_job j
  set status = 'RUNNING', worker = p_worker, heartbeat_at = now(), started_at = coalesce(j.started_at, now())
  from (select c.org_id, c.id from import_job c
        where c.not_before <= now()
          and ((c.status = 'QUEUED'
                and not exists (select 1 from import_job r
                                where r.org_id = c.org_id and r.status = 'RUNNING'
                                  and r.heartbeat_at >= now() - p_stale_after))
               or (c.status = 'RUNNING' and c.heartbeat_at < now() - p_stale_after))
          and pg_try_advisory_xact_lock(hashtextextended('atlas.import:' || c.org_id::text, 0))
        order by c.created_at
        for update skip locked
        limit 1) claimed
  where j.org_id = claimed.org_id and j.id = claimed.id
  returning j.org_id, j.id
$$;
revoke all on function atlas_claim_import_job(text, interval) from public;
grant execute on function atlas_claim_import_job(text, interval) to ${app_role};
