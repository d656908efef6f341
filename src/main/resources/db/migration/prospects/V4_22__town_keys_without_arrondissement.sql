-- A town's key no longer carries an arrondissement's number nor a Cedex's ("paris 8eme", "paris 08", "deauville 9"
-- from "Deauville Cedex 9" all become the town): the postcode says the arrondissement (TownKey). Keys written before
-- are brought to the same form, so that a town filter and an import's matching read old and new agencies alike.
update agency
   set city_key = regexp_replace(regexp_replace(city_key, ' arrondissement$', ''),
                                 ' [0-9]{1,2}(e|er|ere|eme|ieme|em)?$', '')
 where city_key ~ '. ([0-9]{1,2}(e|er|ere|eme|ieme|em)?|arrondissement)$';
