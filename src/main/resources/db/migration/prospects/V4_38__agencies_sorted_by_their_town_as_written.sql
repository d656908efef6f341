-- Lists sorted by town followed the town's matching key, which writes "Saint" and "Sainte" "st" and "ste": "Saint-Étienne"
-- and "Sainte-Foy-lès-Lyon" came after "Seynod". They now sort by the town as written, in French order, as names do
-- (ADR 0079). The key's index stays for the town filter, which compares keys.
create index agency_org_sort_city_idx on agency (org_id, (city collate "fr-x-icu"));
