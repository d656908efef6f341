-- Spring Modulith's JDBC event publication registry (schema v2 of spring-modulith-events-jdbc 2.1).
-- Created here because the app role may not create tables. It holds no tenant rows of its own:
-- events carry their OrgId inside the serialized payload.
create table if not exists event_publication
(
  id                     uuid not null,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamp with time zone,
  primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);

grant select, insert, update, delete on event_publication to ${app_role};

create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists fuzzystrmatch;

-- The one place the tenant setting is read: every policy calls it.
create or replace function atlas_current_org() returns uuid
  language sql stable parallel safe
as $$ select nullif(current_setting('app.org_id', true), '')::uuid $$;
grant execute on function atlas_current_org() to ${app_role};
