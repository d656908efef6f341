-- Assignment rules of a case type: ordered, the first rule that matches a new case (postcode zone,
-- specialty, source) gives it to the least loaded of its members; no match falls back to the default
-- strategy. Conditions are kept as written ("92", "75001-75020") and interpreted by the engine.
create table case_assignment_rule
(
  org_id      uuid        not null,
  id          uuid        not null,
  case_type   text        not null,
  position    int         not null,
  name        text        not null check (length(name) between 1 and 100),
  postcodes   text[]      not null default '{}',
  specialties text[]      not null default '{}',
  sources     text[]      not null default '{}',
  created_by  uuid,
  created_at  timestamptz not null,
  primary key (org_id, id),
  unique (org_id, case_type, position),
  foreign key (org_id, case_type) references case_type (org_id, key)
);

-- The members a rule may give cases to (one member, or a team).
create table case_assignment_rule_member
(
  org_id   uuid not null,
  rule_id  uuid not null,
  user_id  uuid not null,
  position int  not null,
  primary key (org_id, rule_id, user_id),
  foreign key (org_id, rule_id) references case_assignment_rule (org_id, id) on delete cascade,
  foreign key (org_id, user_id) references app_user (org_id, id)
);
create index case_assignment_rule_member_org_user_idx on case_assignment_rule_member (org_id, user_id);

do $$
declare t text;
begin
  foreach t in array array['case_assignment_rule', 'case_assignment_rule_member'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (org_id = atlas_current_org()) with check (org_id = atlas_current_org())', t);
    execute format('grant select, insert, update, delete on %I to ${app_role}', t);
  end loop;
end $$;
