-- The import's fill (ADR 0017): the empty columns of agencies take what a batch's rows gave them. As one statement
-- joining the batch's values to agency, the plan followed the organisation's estimated size, and statistics can be
-- far off (an organisation created by the running import, or one far larger than the average): the planner then
-- read every agency of the organisation for each batch, and large imports became quadratic. Here each agency is
-- updated by its own statement, whose only sensible plan is the primary key, while the batch still costs one call.
-- Security invoker: the tenant policy applies to every update. Lists come joined by the unit separator.
create or replace function atlas_fill_agencies(p_ids uuid[], p_name text[], p_name_key text[], p_trade_name text[],
    p_siren text[], p_siret text[], p_naf text[], p_address text[], p_postcode text[], p_city text[],
    p_city_key text[], p_department text[], p_website_domain text[], p_emails text[], p_phones text[],
    p_specialty text[], p_listing_count int[], p_revenue_cents bigint[], p_headcount_band text[], p_tags text[],
    p_source text[])
  returns int
  language plpgsql volatile security invoker set search_path = public, pg_temp
  -- one plan for every agency: planning this update again for each of them would cost more than running it
  set plan_cache_mode = force_generic_plan
as $$
declare
  p record;
  v_emails text[];
  v_phones text[];
  v_tags text[];
  changed int;
  filled int := 0;
begin
  for p in
    select * from unnest(p_ids, p_name, p_name_key, p_trade_name, p_siren, p_siret, p_naf, p_address, p_postcode,
        p_city, p_city_key, p_department, p_website_domain, p_emails, p_phones, p_specialty, p_listing_count,
        p_revenue_cents, p_headcount_band, p_tags, p_source)
      as t(id, name, name_key, trade_name, siren, siret, naf, address, postcode, city, city_key, department,
           website_domain, emails, phones, specialty, listing_count, revenue_cents, headcount_band, tags, source)
  loop
    v_emails := string_to_array(p.emails, chr(31));
    v_phones := string_to_array(p.phones, chr(31));
    v_tags := string_to_array(p.tags, chr(31));
    update agency a set
      name = case when a.name_key = '' and p.name_key <> '' then p.name else a.name end,
      name_key = case when a.name_key = '' and p.name_key <> '' then p.name_key else a.name_key end,
      trade_name = coalesce(a.trade_name, p.trade_name),
      siret = coalesce(a.siret, p.siret),
      siren = coalesce(a.siren, p.siren),
      naf = coalesce(a.naf, p.naf),
      postcode = coalesce(a.postcode, p.postcode),
      department = case when a.postcode is null and p.postcode is not null then p.department
        else a.department end,
      address = coalesce(a.address, p.address),
      city = case when a.city is null and p.city is not null then p.city else a.city end,
      city_key = case when a.city is null and p.city is not null then p.city_key else a.city_key end,
      website_domain = coalesce(a.website_domain, p.website_domain),
      emails = case when a.emails @> v_emails then a.emails
        else a.emails || array(select e from unnest(v_emails) with ordinality as x(e, n)
          where e <> all(a.emails) order by n) end,
      phones = case when a.phones @> v_phones then a.phones
        else a.phones || array(select e from unnest(v_phones) with ordinality as x(e, n)
          where e <> all(a.phones) order by n) end,
      specialty = coalesce(a.specialty, p.specialty),
      listing_count = coalesce(a.listing_count, p.listing_count),
      revenue_cents = coalesce(a.revenue_cents, p.revenue_cents),
      headcount_band = coalesce(a.headcount_band, p.headcount_band),
      tags = case when a.tags @> v_tags then a.tags
        else a.tags || array(select e from unnest(v_tags) with ordinality as x(e, n)
          where e <> all(a.tags) order by n) end,
      source = coalesce(a.source, p.source),
      updated_at = now(), version = a.version + 1
    where a.id = p.id and (
      (a.name_key = '' and p.name_key <> '') or (a.trade_name is null and p.trade_name is not null)
      or (a.siret is null and p.siret is not null) or (a.siren is null and p.siren is not null)
      or (a.naf is null and p.naf is not null) or (a.postcode is null and p.postcode is not null)
      or (a.address is null and p.address is not null) or (a.city is null and p.city is not null)
      or (a.website_domain is null and p.website_domain is not null)
      or not a.emails @> v_emails or not a.phones @> v_phones or not a.tags @> v_tags
      or (a.specialty is null and p.specialty is not null)
      or (a.listing_count is null and p.listing_count is not null)
      or (a.revenue_cents is null and p.revenue_cents is not null)
      or (a.headcount_band is null and p.headcount_band is not null)
      or (a.source is null and p.source is not null));
    get diagnostics changed = row_count;
    filled := filled + changed;
  end loop;
  return filled;
end
$$;
revoke all on function atlas_fill_agencies(uuid[], text[], text[], text[], text[], text[], text[], text[], text[],
  text[], text[], text[], text[], text[], text[], text[], int[], bigint[], text[], text[], text[]) from public;
grant execute on function atlas_fill_agencies(uuid[], text[], text[], text[], text[], text[], text[], text[], text[],
  text[], text[], text[], text[], text[], text[], text[], int[], bigint[], text[], text[], text[]) to ${app_role};
