-- Prospects: agencies, their contacts, where every value came from, import jobs and their rows.

create table agency
(
  org_id         uuid        not null,
  id             uuid        not null,
  name           text        not null,
  name_key       text        not null,
  trade_name     text,
  siren          text,
  siret          text,
  naf            text,
  address        text,
  postcode       text,
  city           text,
  city_key       text,
  department     text,
  website_domain text,
  emails         text[]      not null default '{}',
  phones         text[]      not null default '{}',
  specialty      text,
  listing_count  int,
  revenue_cents  bigint,
  headcount_band text,
  tags           text[]      not null default '{}',
  -- ACTIVE, or MERGED once absorbed by merged_into
  status         text        not null default 'ACTIVE',
  owner_id       uuid,
  source         text,
  merged_into    uuid,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  version        int         not null default 0,
  primary key (org_id, id),
  foreign key (org_id, merged_into) references agency (org_id, id)
);
create index agency_org_postcode_idx on agency (org_id, postcode) where status = 'ACTIVE';
create index agency_org_city_idx on agency (org_id, city_key) where status = 'ACTIVE';
create index agency_org_department_idx on agency (org_id, department, name_key);
create index agency_org_name_idx on agency (org_id, name_key);
create index agency_org_created_idx on agency (org_id, created_at);
create index agency_org_name_trgm_idx on agency using gin (name gin_trgm_ops);

-- Exact identity keys of active agencies ('siret:…', 'sirenname:…', 'email:…', 'phone:…', 'domain:…'):
-- one indexed look-up per key instead of one index per column. Not unique: two agencies may share a
-- key (a group's switchboard) when the matcher decided they are different.
create table agency_key
(
  org_id    uuid not null,
  key       text not null,
  agency_id uuid not null,
  primary key (org_id, key, agency_id),
  foreign key (org_id, agency_id) references agency (org_id, id)
);
create index agency_key_org_agency_idx on agency_key (org_id, agency_id);

create table contact
(
  org_id     uuid        not null,
  id         uuid        not null,
  agency_id  uuid        not null,
  first_name text,
  last_name  text,
  role       text,
  emails     text[]      not null default '{}',
  phones     text[]      not null default '{}',
  linkedin   text,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, agency_id) references agency (org_id, id)
);
create index contact_org_agency_idx on contact (org_id, agency_id);

create table import_job
(
  org_id           uuid        not null,
  id               uuid        not null,
  -- DRAFT (wizard, not yet started), QUEUED, RUNNING, DONE, FAILED, CANCELLED
  status           text        not null,
  file_name        text        not null,
  -- CSV, XLSX or XLS; for CSV the detected encoding and delimiter
  file_format      text        not null,
  file_encoding    text        not null default '',
  delimiter        text        not null default ',',
  file_size        bigint      not null,
  file_hash        text        not null,
  mapping          jsonb       not null default '{}',
  headers          text[]      not null default '{}',
  total_rows       int         not null default 0,
  processed_rows   int         not null default 0,
  created          int         not null default 0,
  merged           int         not null default 0,
  rejected         int         not null default 0,
  warnings         int         not null default 0,
  error            text,
  cancel_requested boolean     not null default false,
  -- jobs are claimed only from this time on (lets an operator or a test hold a job back)
  not_before       timestamptz not null default now(),
  worker           text,
  heartbeat_at     timestamptz,
  created_by       uuid,
  created_at       timestamptz not null default now(),
  started_at       timestamptz,
  finished_at      timestamptz,
  primary key (org_id, id)
);
create index import_job_org_hash_idx on import_job (org_id, file_hash);
create index import_job_org_created_idx on import_job (org_id, created_at desc);
create index import_job_claim_idx on import_job (status, not_before) where status in ('QUEUED', 'RUNNING');

-- The uploaded file, in 1 MB chunks, so a worker on any node can stream it and a restart can resume.
create table import_file_chunk
(
  org_id uuid  not null,
  job_id uuid  not null,
  seq    int   not null,
  data   bytea not null,
  primary key (org_id, job_id, seq),
  foreign key (org_id, job_id) references import_job (org_id, id) on delete cascade
);

create table import_row
(
  org_id        uuid not null,
  job_id        uuid not null,
  row_number    int  not null,
  status        text not null,
  prospect_id   uuid,
  messages      text not null default '',
  match_reasons text not null default '',
  confidence    real,
  original      text not null,
  primary key (org_id, job_id, row_number),
  foreign key (org_id, job_id) references import_job (org_id, id) on delete cascade
);
create index import_row_org_prospect_idx on import_row (org_id, prospect_id);

-- Provenance: one line per value an agency received, from an import row, a user edit or a merge.
create table field_source
(
  org_id      uuid        not null,
  id          uuid        not null,
  agency_id   uuid        not null,
  field       text        not null,
  value       text        not null,
  kind        text        not null,
  job_id      uuid,
  row_number  int,
  user_id     uuid,
  merge_id    uuid,
  recorded_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, agency_id) references agency (org_id, id)
);
create index field_source_org_agency_idx on field_source (org_id, agency_id);

create table duplicate_candidate
(
  org_id      uuid        not null,
  id          uuid        not null,
  agency_id   uuid        not null,
  other_id    uuid        not null,
  confidence  real        not null,
  reasons     text        not null,
  -- OPEN, MERGED or DISMISSED
  status      text        not null default 'OPEN',
  job_id      uuid,
  created_at  timestamptz not null default now(),
  resolved_at timestamptz,
  primary key (org_id, id),
  unique (org_id, agency_id, other_id),
  foreign key (org_id, agency_id) references agency (org_id, id),
  foreign key (org_id, other_id) references agency (org_id, id)
);
create index duplicate_candidate_org_status_idx on duplicate_candidate (org_id, status, confidence desc);
create index duplicate_candidate_org_other_idx on duplicate_candidate (org_id, other_id);

-- A manual merge keeps both agencies as they were, so an unmerge restores them exactly.
create table agency_merge
(
  org_id            uuid        not null,
  id                uuid        not null,
  survivor_id       uuid        not null,
  absorbed_id       uuid        not null,
  survivor_snapshot jsonb       not null,
  absorbed_snapshot jsonb       not null,
  moved_contacts    uuid[]      not null default '{}',
  merged_by         uuid,
  merged_at         timestamptz not null default now(),
  undone_at         timestamptz,
  primary key (org_id, id),
  foreign key (org_id, survivor_id) references agency (org_id, id),
  foreign key (org_id, absorbed_id) references agency (org_id, id)
);
create index agency_merge_org_survivor_idx on agency_merge (org_id, survivor_id) where undone_at is null;

do $$
declare t text;
begin
  foreach t in array array['agency', 'agency_key', 'contact', 'import_job', 'import_file_chunk', 'import_row',
                           'field_source', 'duplicate_candidate', 'agency_merge'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (org_id = atlas_current_org()) with check (org_id = atlas_current_org())', t);
    execute format('grant select, insert, update, delete on %I to ${app_role}', t);
  end loop;
end $$;

-- The import worker runs before it knows which organisation's job it will get: it claims one job
-- (queued and due, or running with a stale heartbeat from a node that died) and learns only its ids.
create function atlas_claim_import_job(p_worker text, p_stale_after interval)
  returns table (org_id uuid, job_id uuid)
  language sql volatile security definer set search_path = public, pg_temp
as $$
  update import_job j
  set status = 'RUNNING', worker = p_worker, heartbeat_at = now(), started_at = coalesce(j.started_at, now())
  from (select c.org_id, c.id from import_job c
        where c.not_before <= now()
          and (c.status = 'QUEUED' or (c.status = 'RUNNING' and c.heartbeat_at < now() - p_stale_after))
        order by c.created_at
        for update skip locked
        limit 1) claimed
  where j.org_id = claimed.org_id and j.id = claimed.id
  returning j.org_id, j.id
$$;
revoke all on function atlas_claim_import_job(text, interval) from public;
grant execute on function atlas_claim_import_job(text, interval) to ${app_role};
