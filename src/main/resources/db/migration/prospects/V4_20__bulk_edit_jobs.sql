-- A bulk change of more agencies than one request should hold (atlas.prospects.bulk-inline-limit) runs as a
-- background job. The agencies are chosen when it is asked for, in name order, and frozen in chunks; each chunk
-- is applied in its own transaction that also records the job's progress, so a restart or a retry goes on after
-- the last committed chunk and never applies one twice. The job keeps who asked for it (and from where) so that
-- its one audit entry, written when it ends, names them.
create table prospect_bulk_job
(
  org_id         uuid        not null,
  id             uuid        not null,
  -- QUEUED, RUNNING, DONE, FAILED
  status         text        not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  -- the checked changes (BulkChanges as JSON)
  changes        jsonb       not null,
  matched        int         not null,
  chunk_count    int         not null,
  processed      int         not null default 0,
  chunks_done    int         not null default 0,
  updated        int         not null default 0,
  error          text,
  not_before     timestamptz not null default now(),
  worker         text,
  heartbeat_at   timestamptz,
  created_by     uuid,
  created_label  text,
  correlation_id text,
  client_ip      text,
  created_at     timestamptz not null default now(),
  started_at     timestamptz,
  finished_at    timestamptz,
  primary key (org_id, id)
);
create index prospect_bulk_job_org_created_idx on prospect_bulk_job (org_id, created_at desc);
create index prospect_bulk_job_claim_idx on prospect_bulk_job (status, not_before) where status in ('QUEUED', 'RUNNING');

create table prospect_bulk_job_chunk
(
  org_id     uuid   not null,
  job_id     uuid   not null,
  chunk      int    not null,
  -- how many agencies of the job come before this chunk (dealing out takes its turns from there)
  first      int    not null,
  agency_ids uuid[] not null,
  primary key (org_id, job_id, chunk),
  foreign key (org_id, job_id) references prospect_bulk_job (org_id, id) on delete cascade
);

alter table prospect_bulk_job enable row level security;
alter table prospect_bulk_job force row level security;
create policy tenant_isolation on prospect_bulk_job
  using (org_id = (select atlas_current_org())) with check (org_id = (select atlas_current_org()));
grant select, insert, update, delete on prospect_bulk_job to ${app_role};

alter table prospect_bulk_job_chunk enable row level security;
alter table prospect_bulk_job_chunk force row level security;
create policy tenant_isolation on prospect_bulk_job_chunk
  using (org_id = (select atlas_current_org())) with check (org_id = (select atlas_current_org()));
grant select, insert, delete on prospect_bulk_job_chunk to ${app_role};

-- The worker claims the oldest due job (or one whose node stopped sending heartbeats) before it knows its
-- organisation; an organisation's jobs run one at a time, in the order they were asked for, so that a later
-- change of the same agencies wins.
create function atlas_claim_prospect_bulk_job(p_worker text, p_stale_after interval)
  returns table (org_id uuid, job_id uuid)
  language sql volatile security definer set search_path = public, pg_temp
as $$
  update prospect_bulk_job j
  set status = 'RUNNING', worker = p_worker, heartbeat_at = now(), started_at = coalesce(j.started_at, now())
  from (select c.org_id, c.id from prospect_bulk_job c
        where c.not_before <= now()
          and ((c.status = 'QUEUED'
                and not exists (select 1 from prospect_bulk_job r
                                where r.org_id = c.org_id and r.status = 'RUNNING'
                                  and r.heartbeat_at >= now() - p_stale_after)
                and not exists (select 1 from prospect_bulk_job e
                                where e.org_id = c.org_id and e.status in ('QUEUED', 'RUNNING')
                                  and e.created_at < c.created_at))
               or (c.status = 'RUNNING' and c.heartbeat_at < now() - p_stale_after))
          and pg_try_advisory_xact_lock(hashtextextended('atlas.bulk:' || c.org_id::text, 0))
        order by c.created_at
        for update skip locked
        limit 1) claimed
  where j.org_id = claimed.org_id and j.id = claimed.id
  returning j.org_id, j.id
$$;
revoke all on function atlas_claim_prospect_bulk_job(text, interval) from public;
grant execute on function atlas_claim_prospect_bulk_job(text, interval) to ${app_role};
