-- The lookup refuses an expired token at the instant the application gives it (its Clock bean), no longer at the
-- database's now(): a token's end is worked out from that clock when it is made, so the two must be one time, or a
-- test's fixed clock and the database disagree about a token's life. The one-argument lookup stays for nodes of the
-- previous release during a rolling deploy; the application no longer calls it.
create function atlas_token_lookup(p_token_hash text, p_at timestamptz)
  returns table (org_id uuid, token_id uuid, user_id uuid, read_only boolean)
  language sql stable security definer set search_path = public, pg_temp
as $$
  select t.org_id, t.id, t.user_id, t.read_only from api_token t
  join app_user u on u.org_id = t.org_id and u.id = t.user_id
  where t.token_hash = p_token_hash and t.revoked_at is null and u.active
    and (t.expires_at is null or t.expires_at > p_at)
$$;

revoke all on function atlas_token_lookup(text, timestamptz) from public;
grant execute on function atlas_token_lookup(text, timestamptz) to ${app_role};
