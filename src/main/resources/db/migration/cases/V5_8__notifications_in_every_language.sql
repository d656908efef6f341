-- A notification is written in every language of the application, so that a member who changes language reads
-- their notifications in the new one: {"fr": {"title": ..., "body": ...}, "en": {...}}. title and body keep the
-- recipient's language of the day; they are what rows written before this column, or in a language missing from
-- it, show.
alter table case_notification add column wording jsonb not null default '{}'::jsonb;
