-- Task reminders and round-robin assignment.

-- When a task's reminder is due (null: at its due date, if any) and when it was sent. reminded_at is
-- set in the same transaction that hands the reminder over, under "for update skip locked": a
-- reminder fires once, across runs and nodes.
alter table case_task add column remind_at timestamptz;
alter table case_task add column reminded_at timestamptz;
-- Tasks that came due before reminders existed are not news: without this, the first run after the upgrade
-- would send one reminder for every overdue open task of every organisation at once.
update case_task set reminded_at = now() where done_at is null and due_at < now();
create index case_task_org_reminder_idx on case_task (org_id, (coalesce(remind_at, due_at)))
  where done_at is null and reminded_at is null;

-- Notifications learn TASK_REMINDER. The kind check is rewritten from its current definition rather
-- than restated, so kinds added by other migrations of this module are kept.
do $$
declare
  c record;
begin
  for c in select conname, pg_get_constraintdef(oid) as def from pg_constraint
           where conrelid = 'case_notification'::regclass and contype = 'c'
             and pg_get_constraintdef(oid) like '%''MENTION''%'
             and pg_get_constraintdef(oid) not like '%''TASK_REMINDER''%'
  loop
    execute format('alter table case_notification drop constraint %I', c.conname);
    execute format('alter table case_notification add constraint %I %s', c.conname,
                   replace(c.def, '''MENTION''::text', '''MENTION''::text, ''TASK_REMINDER''::text'));
  end loop;
end $$;

-- The reminder job runs with no tenant bound: it may only learn which organisations have reminders due.
create function atlas_cases_reminder_orgs(p_now timestamptz)
  returns setof uuid
  language sql stable security definer set search_path = public, pg_temp
as $$
  select distinct t.org_id from case_task t
  where t.done_at is null and t.reminded_at is null and coalesce(t.remind_at, t.due_at) <= p_now
$$;
revoke all on function atlas_cases_reminder_orgs(timestamptz) from public;
grant execute on function atlas_cases_reminder_orgs(timestamptz) to ${app_role};

-- How a rule picks among its members: the least loaded (open cases) or each in turn.
alter table case_assignment_rule add column strategy text not null default 'LEAST_LOADED'
  check (strategy in ('LEAST_LOADED', 'ROUND_ROBIN'));

-- Round-robin cursors: scope is a rule id, or '*' for the default strategy of the organisation.
-- A turn is taken by one upsert that increments it; the row lock it holds until the case is created
-- makes concurrent creations take successive turns, never the same one.
create table case_assignment_cursor
(
  org_id uuid   not null,
  scope  text   not null,
  turn   bigint not null,
  primary key (org_id, scope)
);

alter table case_assignment_cursor enable row level security;
alter table case_assignment_cursor force row level security;
create policy tenant_isolation on case_assignment_cursor
  using (org_id = atlas_current_org()) with check (org_id = atlas_current_org());
grant select, insert, update, delete on case_assignment_cursor to ${app_role};
