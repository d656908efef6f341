-- The answers to API requests sent with an Idempotency-Key header, kept for a day: the same request sent again with
-- the same key (a retry after a timeout, a script run twice) gets the first answer back instead of doing the work
-- twice. A key belongs to the member who sent it; status is null while the first request is still being answered.
create table api_idempotent_request
(
  org_id       uuid        not null,
  user_id      uuid        not null,
  key          text        not null,
  fingerprint  text        not null,
  status       integer,
  content_type text,
  location     text,
  body         bytea,
  created_at   timestamptz not null default now(),
  primary key (org_id, user_id, key)
);
-- the day-old keys are deleted as the organisation sends new ones
create index api_idempotent_request_org_created_idx on api_idempotent_request (org_id, created_at);

alter table api_idempotent_request enable row level security;
alter table api_idempotent_request force row level security;
create policy tenant_isolation on api_idempotent_request
  using (org_id = (select atlas_current_org())) with check (org_id = (select atlas_current_org()));
grant select, insert, update, delete on api_idempotent_request to ${app_role};
