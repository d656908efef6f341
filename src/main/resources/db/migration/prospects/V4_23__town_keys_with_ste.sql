-- "Sainte-Maxime" and "Ste-Maxime" are one town, as "Saint-Denis" and "St Denis" were (TownKey): keys written
-- before are brought to the same form, so that a town filter and an import's matching read old and new agencies
-- alike.
update agency
   set city_key = regexp_replace(city_key, '(^| )sainte ', '\1ste ', 'g')
 where city_key ~ '(^| )sainte ';
