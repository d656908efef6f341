-- Cases (dossiers), their configurable workflows, timeline, tasks and appointments.
-- "case" is a reserved word in SQL, hence case_file; every table is prefixed so that other modules'
-- tables (tasks, appointments of other kinds) never collide with ours.

create table case_type
(
  org_id           uuid        not null,
  key              text        not null,
  labels           jsonb       not null,          -- {"fr": "...", "en": "..."}
  reference_prefix text        not null,          -- LEAD in LEAD-2026-00042
  field_schema     jsonb       not null default '[]',
  position         int         not null default 0, -- order of display
  created_at       timestamptz not null default now(),
  primary key (org_id, key),
  check (key ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  check (reference_prefix ~ '^[A-Z]{2,8}$')
);

create table workflow_definition
(
  org_id       uuid        not null,
  case_type    text        not null,
  version      int         not null,
  status       text        not null check (status in ('DRAFT', 'PUBLISHED')),
  definition   jsonb       not null,
  created_at   timestamptz not null default now(),
  created_by   uuid,
  published_at timestamptz,
  primary key (org_id, case_type, version),
  foreign key (org_id, case_type) references case_type (org_id, key),
  check ((status = 'PUBLISHED') = (published_at is not null))
);

-- A published version is immutable: running cases rely on it. Drafts may change or be published.
create function case_workflow_published_is_immutable() returns trigger
  language plpgsql
as $$
begin
  if old.status = 'PUBLISHED' then
    raise exception 'workflow % version % is published and cannot change', old.case_type, old.version
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger workflow_definition_immutable
  before update or delete on workflow_definition
  for each row execute function case_workflow_published_is_immutable();

-- One counter per organisation, case type and year gives references such as LEAD-2026-00042.
create table case_reference_counter
(
  org_id     uuid not null,
  case_type  text not null,
  year       int  not null,
  last_value int  not null,
  primary key (org_id, case_type, year),
  foreign key (org_id, case_type) references case_type (org_id, key)
);

create table case_file
(
  org_id           uuid        not null,
  id               uuid        not null,
  case_type        text        not null,
  workflow_version int         not null,
  state            text        not null,
  reference        text        not null,
  title            text        not null,
  assignee_id      uuid,
  priority         text        not null default 'NORMAL' check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
  due_date         date,
  fields           jsonb       not null default '{}',
  tags             text[]      not null default '{}',
  source           text        not null default 'API' check (source in ('FORM', 'IMPORT', 'API', 'PORTAL', 'MANUAL', 'DEMO')),
  state_entered_at timestamptz not null,
  sla_due_at       timestamptz,
  sla_breached_at  timestamptz,
  closed_at        timestamptz,
  created_by       uuid,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  version          int         not null default 0,
  primary key (org_id, id),
  unique (org_id, reference),
  foreign key (org_id, case_type, workflow_version) references workflow_definition (org_id, case_type, version),
  foreign key (org_id, assignee_id) references app_user (org_id, id)
);
create index case_file_org_type_state_idx on case_file (org_id, case_type, state);
create index case_file_org_assignee_idx on case_file (org_id, assignee_id);
create index case_file_org_created_idx on case_file (org_id, created_at desc);
create index case_file_org_sla_idx on case_file (org_id, sla_due_at) where sla_breached_at is null and sla_due_at is not null;

-- The timeline: transitions, field changes, notes, tasks, appointments, SLA alerts. Append-only.
create table case_event
(
  org_id      uuid        not null,
  id          uuid        not null,
  seq         bigint      generated always as identity, -- order of entries written at the same instant
  case_id     uuid        not null,
  kind        text        not null check (kind in ('CREATED', 'TRANSITION', 'FIELD_CHANGE', 'NOTE', 'TASK',
                                                   'APPOINTMENT', 'SLA_BREACH', 'MIGRATION', 'EVENT')),
  author_id   uuid,
  occurred_at timestamptz not null,
  payload     jsonb       not null default '{}',
  primary key (org_id, id),
  foreign key (org_id, case_id) references case_file (org_id, id)
);
create index case_event_org_case_time_idx on case_event (org_id, case_id, occurred_at);
create index case_event_org_kind_time_idx on case_event (org_id, kind, occurred_at);

create table case_task
(
  org_id      uuid        not null,
  id          uuid        not null,
  case_id     uuid        not null,
  title       text        not null,
  due_at      timestamptz,
  assignee_id uuid,
  done_at     timestamptz,
  done_by     uuid,
  created_by  uuid,
  created_at  timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, case_id) references case_file (org_id, id)
);
create index case_task_org_case_idx on case_task (org_id, case_id);
create index case_task_org_open_due_idx on case_task (org_id, due_at) where done_at is null;

create table case_appointment
(
  org_id       uuid        not null,
  id           uuid        not null,
  case_id      uuid        not null,
  title        text        not null,
  starts_at    timestamptz not null,
  ends_at      timestamptz not null,
  place        text,
  participants text[]      not null default '{}',
  outcome      text check (outcome in ('HELD', 'NO_SHOW', 'CANCELLED', 'RESCHEDULED')),
  outcome_at   timestamptz,
  created_by   uuid,
  created_at   timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, case_id) references case_file (org_id, id),
  check (ends_at >= starts_at)
);
create index case_appointment_org_case_idx on case_appointment (org_id, case_id);
create index case_appointment_org_start_idx on case_appointment (org_id, starts_at);

-- Responses of creating POSTs sent with an Idempotency-Key: the same key gives the same answer.
create table case_idempotency_key
(
  org_id       uuid        not null,
  key          text        not null,
  request_hash text        not null,
  status       int,
  response     jsonb,
  created_at   timestamptz not null default now(),
  primary key (org_id, key)
);

do $$
declare t text;
begin
  foreach t in array array['case_type', 'workflow_definition', 'case_reference_counter', 'case_file', 'case_event',
                           'case_task', 'case_appointment', 'case_idempotency_key'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (org_id = atlas_current_org()) with check (org_id = atlas_current_org())', t);
    execute format('grant select, insert, update, delete on %I to ${app_role}', t);
  end loop;
end $$;

-- The SLA job runs with no tenant bound: it may only learn which organisations have overdue cases,
-- then works on each one with that organisation bound.
create function atlas_cases_overdue_orgs(p_now timestamptz)
  returns setof uuid
  language sql stable security definer set search_path = public, pg_temp
as $$
  select distinct c.org_id from case_file c
  where c.sla_breached_at is null and c.sla_due_at is not null and c.sla_due_at < p_now
$$;
revoke all on function atlas_cases_overdue_orgs(timestamptz) from public;
grant execute on function atlas_cases_overdue_orgs(timestamptz) to ${app_role};
