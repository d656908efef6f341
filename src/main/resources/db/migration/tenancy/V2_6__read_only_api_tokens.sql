-- A token may be made for reading only (a reporting tool, a spreadsheet's feed): it signs its member in for
-- GET, HEAD and OPTIONS calls, and any other call with it is refused. The lookup says which kind it is.
alter table api_token add column read_only boolean not null default false;

drop function atlas_token_lookup(text);

create function atlas_token_lookup(p_token_hash text)
  returns table (org_id uuid, token_id uuid, user_id uuid, read_only boolean)
  language sql stable security definer set search_path = public, pg_temp
as $$
  select t.org_id, t.id, t.user_id, t.read_only from api_token t
  join app_user u on u.org_id = t.org_id and u.id = t.user_id
  where t.token_hash = p_token_hash and t.revoked_at is null and u.active
    and (t.expires_at is null or t.expires_at > now())
$$;

revoke all on function atlas_token_lookup(text) from public;
grant execute on function atlas_token_lookup(text) to ${app_role};
