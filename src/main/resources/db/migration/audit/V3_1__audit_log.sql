-- Append-only audit log, hash-chained per organisation. The app role may only insert and read
-- entries; audit_chain keeps the head of each organisation's chain and serialises writers.
create table audit_entry
(
  org_id         uuid        not null,
  seq            bigint      not null,
  occurred_at    timestamptz not null,
  actor_id       uuid,
  actor_label    text,
  action         text        not null,
  entity_type    text        not null,
  entity_id      text        not null,
  summary        text        not null,
  correlation_id text        not null,
  client_ip      text,
  prev_hash      text        not null,
  hash           text        not null,
  primary key (org_id, seq)
);
create index audit_entry_org_time_idx on audit_entry (org_id, occurred_at desc);
create index audit_entry_org_action_idx on audit_entry (org_id, action);
create index audit_entry_org_entity_idx on audit_entry (org_id, entity_type, entity_id);

create table audit_chain
(
  org_id    uuid primary key,
  last_seq  bigint not null,
  last_hash text   not null
);

do $$
declare t text;
begin
  foreach t in array array['audit_entry', 'audit_chain'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (org_id = atlas_current_org()) with check (org_id = atlas_current_org())', t);
  end loop;
end $$;

grant select, insert on audit_entry to ${app_role};
grant select, insert, update on audit_chain to ${app_role};
