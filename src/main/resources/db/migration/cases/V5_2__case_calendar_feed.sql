-- One secret calendar feed per member: /cases/calendar/{token}.ics. Only the SHA-256 of the token is kept,
-- like API tokens; issuing a new one replaces (and so invalidates) the previous one.
create table case_calendar_feed
(
  org_id     uuid        not null,
  user_id    uuid        not null,
  token_hash text        not null unique,
  created_at timestamptz not null,
  primary key (org_id, user_id),
  foreign key (org_id, user_id) references app_user (org_id, id)
);

alter table case_calendar_feed enable row level security;
alter table case_calendar_feed force row level security;
create policy tenant_isolation on case_calendar_feed
  using (org_id = atlas_current_org()) with check (org_id = atlas_current_org());
grant select, insert, update, delete on case_calendar_feed to ${app_role};

-- A calendar application fetches the feed with no session: the token alone says which organisation
-- and member it belongs to, before any tenant is bound. Inactive members' feeds stop working.
create function atlas_case_calendar_feed_lookup(p_token_hash text)
  returns table (org_id uuid, user_id uuid)
  language sql stable security definer set search_path = public, pg_temp
as $$
  select f.org_id, f.user_id from case_calendar_feed f
  join app_user u on u.org_id = f.org_id and u.id = f.user_id
  where f.token_hash = p_token_hash and u.active
$$;
revoke all on function atlas_case_calendar_feed_lookup(text) from public;
grant execute on function atlas_case_calendar_feed_lookup(text) to ${app_role};
