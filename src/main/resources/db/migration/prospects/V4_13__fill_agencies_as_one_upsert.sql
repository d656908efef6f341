-- The import's fill is one INSERT ... ON CONFLICT DO UPDATE per batch (Agencies.fill, ADR 0018): every row meets its
-- agency through the primary key, so no plan can read the whole organisation (ADR 0017), and the statement is set up
-- once per batch instead of once per agency. The function of V4_12 is no longer called.
drop function atlas_fill_agencies(uuid[], text[], text[], text[], text[], text[], text[], text[], text[], text[],
  text[], text[], text[], text[], text[], text[], int[], bigint[], text[], text[], text[]);
