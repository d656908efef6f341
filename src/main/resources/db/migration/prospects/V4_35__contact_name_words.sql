-- Each contact's name folded once, when it is written, for the list's text search (ADR 0066): a space, then
-- the first and last names in small letters, accents and ligatures aside, a hyphen, an apostrophe or a dot as a
-- space, so that a word of the name begins after a space and "Mart" is `name_words like '% mart%'`.
--
-- The application writes it (ContactMatch.nameWords, with every contact it inserts or changes: the import's COPY,
-- the API), as it writes an agency's name_key: PostgreSQL's translate() with this table costs about 10 µs a name
-- (a generated column was measured at 0.7–1.0 s for 80,000 contacts), Java's fold well under 1 µs. The function
-- below is the same fold in SQL, for the rows already there and for tests and benchmarks that write contacts
-- straight in the table; ContactNameWordsIntegrationTests checks, letter by letter, that it folds as Java does.
-- Not null: a writer that forgets it fails, rather than writing a contact no name search finds. No index: the
-- search reads the column in the contacts' scan it made already (ADR 0064).
create function atlas_contact_name_words(first_name text, last_name text) returns text
  language sql immutable parallel safe
as $$
  select ' ' || replace(replace(replace(lower(translate(coalesce(first_name, '') || ' ' || coalesce(last_name, ''),
    'éèêëàâäîïôöùûüçÿáíóúñãõåìòøłšžčćřńśźżąęőűýđğşıěůďťňľĺŕÉÈÊËÀÂÄÎÏÔÖÙÛÜÇŸÁÍÓÚÑÃÕÅÌÒØŁŠŽČĆŘŃŚŹŻĄĘŐŰÝĐĞŞİĚŮĎŤŇĽĹŔŒÆẞ-''’‘.,()/&";:‐–—',
    'eeeeaaaiioouuucyaiounaoaioolszccrnszzaeouydgsieudtnllrEEEEAAAIIOOUUUCYAIOUNAOAIOOLSZCCRNSZZAEOUYDGSIEUDTNLLRœæß                ')),
    'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss')
$$;
revoke all on function atlas_contact_name_words(text, text) from public;
grant execute on function atlas_contact_name_words(text, text) to ${app_role};

-- every organisation's contacts: the owner is under the table's policy too (FORCE), so it steps out for this update
alter table contact add column name_words text;
alter table contact no force row level security;
update contact set name_words = atlas_contact_name_words(first_name, last_name);
alter table contact force row level security;
alter table contact alter column name_words set not null;
