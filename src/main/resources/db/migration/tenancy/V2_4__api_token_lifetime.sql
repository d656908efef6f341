-- A token may be given a lifetime when it is made: past it, it signs nobody in (as a revoked one).
alter table api_token add column expires_at timestamptz;

create or replace function atlas_token_lookup(p_token_hash text)
  returns table (org_id uuid, token_id uuid, user_id uuid)
  language sql stable security definer set search_path = public, pg_temp
as $$
  select t.org_id, t.id, t.user_id from api_token t
  join app_user u on u.org_id = t.org_id and u.id = t.user_id
  where t.token_hash = p_token_hash and t.revoked_at is null and u.active
    and (t.expires_at is null or t.expires_at > now())
$$;
