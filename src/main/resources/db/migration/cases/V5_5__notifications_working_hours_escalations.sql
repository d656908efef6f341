-- In-app notifications, working hours of each organisation (SLAs count only them) and SLA escalations.

-- What a member is told in the app: mentions, SLA breaches and escalations, assignments, workflow
-- "notify" actions. RLS keeps organisations apart; every query also filters on recipient_id, so a
-- member only ever reads or marks their own. Only read_at may change once written.
create table case_notification
(
  org_id       uuid        not null,
  id           uuid        not null,
  recipient_id uuid        not null,
  kind         text        not null check (kind in ('MENTION', 'SLA_BREACH', 'SLA_ESCALATION', 'ASSIGNED', 'WORKFLOW')),
  title        text        not null,
  body         text        not null default '',
  link         text,
  case_id      uuid,
  dedupe_key   text,         -- set when the cause has a natural identity (an SLA breach): a resubmitted event adds nothing
  created_at   timestamptz not null,
  read_at      timestamptz,
  primary key (org_id, id),
  foreign key (org_id, recipient_id) references app_user (org_id, id),
  foreign key (org_id, case_id) references case_file (org_id, id)
);
create index case_notification_org_recipient_idx on case_notification (org_id, recipient_id, created_at desc);
create index case_notification_org_unread_idx on case_notification (org_id, recipient_id) where read_at is null;
create unique index case_notification_dedupe_uk on case_notification (org_id, recipient_id, dedupe_key)
  where dedupe_key is not null;

alter table case_notification enable row level security;
alter table case_notification force row level security;
create policy tenant_isolation on case_notification
  using (org_id = atlas_current_org()) with check (org_id = atlas_current_org());
grant select, insert on case_notification to ${app_role};
grant update (read_at) on case_notification to ${app_role};

-- Working hours of an organisation; no row means Monday to Friday 09:00-18:00 Europe/Paris with French
-- public holidays off. days: {"MONDAY": {"opens": "09:00", "closes": "18:00"}, ...}, absent day = closed.
create table case_working_hours
(
  org_id                 uuid        not null primary key,
  time_zone              text        not null,
  days                   jsonb       not null,
  french_public_holidays boolean     not null,
  updated_at             timestamptz not null,
  updated_by             uuid
);

alter table case_working_hours enable row level security;
alter table case_working_hours force row level security;
create policy tenant_isolation on case_working_hours
  using (org_id = atlas_current_org()) with check (org_id = atlas_current_org());
grant select, insert, update, delete on case_working_hours to ${app_role};

-- Set when the SLA breach is recorded: when the managers are to be told if the case is still there.
alter table case_file add column sla_escalation_due_at timestamptz;
create index case_file_org_escalation_idx on case_file (org_id, sla_escalation_due_at)
  where sla_escalation_due_at is not null;

-- One escalation per stay of a case in a state (a state entered again is a new stay with a new SLA):
-- the unique key is what makes "never escalate twice" hold across runs and nodes.
create table case_sla_escalation
(
  org_id           uuid        not null,
  id               uuid        not null,
  case_id          uuid        not null,
  state            text        not null,
  state_entered_at timestamptz not null,
  escalated_at     timestamptz not null,
  notified         int         not null,
  primary key (org_id, id),
  unique (org_id, case_id, state, state_entered_at),
  foreign key (org_id, case_id) references case_file (org_id, id)
);

alter table case_sla_escalation enable row level security;
alter table case_sla_escalation force row level security;
create policy tenant_isolation on case_sla_escalation
  using (org_id = atlas_current_org()) with check (org_id = atlas_current_org());
grant select, insert on case_sla_escalation to ${app_role};

-- The timeline learns SLA_ESCALATION. The kind check is rewritten from its current definition rather
-- than restated, so kinds added by other migrations of this module are kept.
do $$
declare
  c record;
begin
  for c in select conname, pg_get_constraintdef(oid) as def from pg_constraint
           where conrelid = 'case_event'::regclass and contype = 'c'
             and pg_get_constraintdef(oid) like '%''SLA_BREACH''%'
             and pg_get_constraintdef(oid) not like '%''SLA_ESCALATION''%'
  loop
    execute format('alter table case_event drop constraint %I', c.conname);
    execute format('alter table case_event add constraint %I %s', c.conname,
                   replace(c.def, '''SLA_BREACH''::text', '''SLA_BREACH''::text, ''SLA_ESCALATION''::text'));
  end loop;
end $$;

-- The SLA job runs with no tenant bound: it may only learn which organisations have escalations due.
create function atlas_cases_escalation_orgs(p_now timestamptz)
  returns setof uuid
  language sql stable security definer set search_path = public, pg_temp
as $$
  select distinct c.org_id from case_file c
  where c.sla_escalation_due_at is not null and c.sla_escalation_due_at < p_now
    and c.sla_breached_at is not null and c.closed_at is null
$$;
revoke all on function atlas_cases_escalation_orgs(timestamptz) from public;
grant execute on function atlas_cases_escalation_orgs(timestamptz) to ${app_role};
