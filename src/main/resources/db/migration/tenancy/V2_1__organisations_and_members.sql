create table organisation
(
  org_id     uuid primary key,
  name       text        not null,
  created_at timestamptz not null default now()
);

create table app_user
(
  org_id        uuid        not null references organisation (org_id),
  id            uuid        not null,
  email         text        not null,
  name          text        not null,
  password_hash text,
  roles         text[]      not null,
  active        boolean     not null default true,
  locale        text        not null default 'fr',
  failed_logins int         not null default 0,
  locked_until  timestamptz,
  created_at    timestamptz not null default now(),
  version       int         not null default 0,
  primary key (org_id, id)
);
-- One account per e-mail across Atlas: the login form asks for nothing else.
create unique index app_user_email_uk on app_user (lower(email));

create table invitation
(
  org_id      uuid        not null,
  id          uuid        not null,
  email       text        not null,
  roles       text[]      not null,
  token_hash  text        not null unique,
  invited_by  uuid        not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  accepted_at timestamptz,
  revoked_at  timestamptz,
  primary key (org_id, id),
  foreign key (org_id, invited_by) references app_user (org_id, id)
);
create index invitation_org_email_idx on invitation (org_id, lower(email));

create table api_token
(
  org_id       uuid        not null,
  id           uuid        not null,
  user_id      uuid        not null,
  name         text        not null,
  token_hash   text        not null unique,
  prefix       text        not null,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at   timestamptz,
  primary key (org_id, id),
  foreign key (org_id, user_id) references app_user (org_id, id)
);
create index api_token_org_user_idx on api_token (org_id, user_id);

create table password_reset
(
  org_id     uuid        not null,
  id         uuid        not null,
  user_id    uuid        not null,
  token_hash text        not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at    timestamptz,
  primary key (org_id, id),
  foreign key (org_id, user_id) references app_user (org_id, id)
);

create table org_module
(
  org_id     uuid        not null references organisation (org_id),
  module     text        not null,
  enabled    boolean     not null,
  changed_at timestamptz not null default now(),
  primary key (org_id, module)
);

do $$
declare t text;
begin
  foreach t in array array['organisation', 'app_user', 'invitation', 'api_token', 'password_reset', 'org_module'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (org_id = atlas_current_org()) with check (org_id = atlas_current_org())', t);
    execute format('grant select, insert, update, delete on %I to ${app_role}', t);
  end loop;
end $$;

-- Look-ups that must run before the tenant is known. Each returns only what its caller needs;
-- they run as the owner, which bypasses row-level security (docs/adr/0003).
create function atlas_login_lookup(p_email text)
  returns table (org_id uuid, user_id uuid, password_hash text, active boolean, locked_until timestamptz, locale text)
  language sql stable security definer set search_path = public, pg_temp
as $$
  select u.org_id, u.id, u.password_hash, u.active, u.locked_until, u.locale
  from app_user u where lower(u.email) = lower(p_email)
$$;

create function atlas_token_lookup(p_token_hash text)
  returns table (org_id uuid, token_id uuid, user_id uuid)
  language sql stable security definer set search_path = public, pg_temp
as $$
  select t.org_id, t.id, t.user_id from api_token t
  join app_user u on u.org_id = t.org_id and u.id = t.user_id
  where t.token_hash = p_token_hash and t.revoked_at is null and u.active
$$;

create function atlas_password_reset_lookup(p_token_hash text)
  returns table (org_id uuid, reset_id uuid)
  language sql stable security definer set search_path = public, pg_temp
as $$
  select r.org_id, r.id from password_reset r
  where r.token_hash = p_token_hash and r.used_at is null and r.expires_at > now()
$$;

create function atlas_invitation_lookup(p_token_hash text)
  returns table (org_id uuid, invitation_id uuid)
  language sql stable security definer set search_path = public, pg_temp
as $$
  select i.org_id, i.id from invitation i
  where i.token_hash = p_token_hash and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
$$;

create function atlas_email_taken(p_email text)
  returns boolean
  language sql stable security definer set search_path = public, pg_temp
as $$ select exists (select 1 from app_user u where lower(u.email) = lower(p_email)) $$;

do $$
declare f text;
begin
  foreach f in array array['atlas_login_lookup(text)', 'atlas_token_lookup(text)', 'atlas_password_reset_lookup(text)',
                           'atlas_invitation_lookup(text)', 'atlas_email_taken(text)'] loop
    execute format('revoke all on function %s from public', f);
    execute format('grant execute on function %s to ${app_role}', f);
  end loop;
end $$;

-- Outbox of the fake mail transport (demo mode and tests): not tenant data, read at /outbox.
create table mail_outbox
(
  id         uuid primary key,
  recipient  text        not null,
  subject    text        not null,
  body       text        not null,
  created_at timestamptz not null default now()
);
grant select, insert, delete on mail_outbox to ${app_role};
