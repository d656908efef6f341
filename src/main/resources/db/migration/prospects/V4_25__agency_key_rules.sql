-- The keys an agency is matched, sorted and searched by (name_key, city_key) are worked out when it is written. When
-- the rules that work them out change (NameKey, TownKey), the stored keys of the agencies written before are worked
-- out again, organisation by organisation, by a background job (AgencyKeyRefresh), which notes here the version of
-- the rules an organisation's keys follow; until then an import works out the keys of the agencies it loads
-- (AgencyKeys, ADR 0035). An organisation with no row has keys of unknown rules.
create table agency_key_version
(
  org_id       uuid        primary key,
  rules        int         not null,
  refreshed_at timestamptz not null default now()
);

alter table agency_key_version enable row level security;
alter table agency_key_version force row level security;
create policy tenant_isolation on agency_key_version
  using (org_id = (select atlas_current_org())) with check (org_id = (select atlas_current_org()));
grant select, insert, update, delete on agency_key_version to ${app_role};

-- Finding the organisations whose keys follow older rules crosses tenants: this narrow definer function returns ids
-- only; each refresh then runs as the organisation.
create function atlas_orgs_with_stale_agency_keys(p_rules int, p_limit int)
  returns table (org_id uuid)
  language sql stable security definer set search_path = public, pg_temp
as $$
  select o.org_id from organisation o
  where not exists (select 1 from agency_key_version v where v.org_id = o.org_id and v.rules >= p_rules)
  order by o.created_at, o.org_id
  limit p_limit
$$;
revoke all on function atlas_orgs_with_stale_agency_keys(int, int) from public;
grant execute on function atlas_orgs_with_stale_agency_keys(int, int) to ${app_role};
