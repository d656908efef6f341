-- Imports match in memory (ADR 0009) and search reads the agency's own columns, so the key table, the
-- postcode index and the trigram index were only written, never read (the search's OR of name, trade name
-- and identifiers cannot use a trigram index on the name alone): a third of an import's time (ADR 0012).
drop table agency_key;
drop index agency_org_postcode_idx;
drop index agency_org_name_trgm_idx;

-- Agencies leave a quarter of each page free: filling the empty columns of an agency an import created a
-- moment earlier then stays on its page without new index entries (a HOT update), which made those
-- updates more than twice as cheap.
alter table agency set (fillfactor = 75);
