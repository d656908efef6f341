-- A saved search is the organisation's (owner_id null, as before) or one member's own: "my agencies in Lyon" need
-- not sit in every colleague's list. A name is taken once among the organisation's searches, and once among each
-- member's own.
alter table prospect_saved_search add column owner_id uuid;

drop index prospect_saved_search_org_name_idx;
create unique index prospect_saved_search_org_owner_name_idx
  on prospect_saved_search (org_id, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
