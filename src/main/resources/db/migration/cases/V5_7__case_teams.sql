-- Teams of an organisation (a desk, an agency branch) and the case a team holds. A team's name is unique
-- in its organisation whatever its case; members are active members checked by the application.
create table case_team
(
  org_id     uuid        not null,
  id         uuid        not null,
  name       text        not null check (length(name) between 1 and 100),
  created_at timestamptz not null,
  primary key (org_id, id)
);
create unique index case_team_org_name_uk on case_team (org_id, lower(name));

create table case_team_member
(
  org_id  uuid not null,
  team_id uuid not null,
  user_id uuid not null,
  primary key (org_id, team_id, user_id),
  foreign key (org_id, team_id) references case_team (org_id, id) on delete cascade,
  foreign key (org_id, user_id) references app_user (org_id, id)
);
create index case_team_member_org_user_idx on case_team_member (org_id, user_id);

do $$
declare t text;
begin
  foreach t in array array['case_team', 'case_team_member'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (org_id = atlas_current_org()) with check (org_id = atlas_current_org())', t);
    execute format('grant select, insert, update, delete on %I to ${app_role}', t);
  end loop;
end $$;

-- The application empties the team of its cases (with a timeline entry) before deleting it; the
-- restricting key keeps a forgotten case from pointing nowhere.
alter table case_file add column team_id uuid;
alter table case_file add constraint case_file_team_fk foreign key (org_id, team_id) references case_team (org_id, id);
create index case_file_org_team_idx on case_file (org_id, team_id) where team_id is not null;
