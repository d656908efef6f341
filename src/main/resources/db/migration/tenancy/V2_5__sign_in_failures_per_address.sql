-- Wrong passwords given for an e-mail address that has no account (or an account without a password), counted and
-- locked like an account's (app_user.failed_logins, locked_until): otherwise the lockout told who has an account, as
-- only theirs ever locked. Not tenant data: no organisation is known for such an address. The address is kept as a
-- SHA-256 of its lower-case form, not as typed: people type their password in the e-mail field too.
create table login_failure
(
  address_key    text primary key,
  failures       int         not null default 0,
  locked_until   timestamptz,
  last_failed_at timestamptz not null
);
-- A lock that has ended with no failure since says nothing more than no row: those are removed.
create index login_failure_ended_idx on login_failure (locked_until) where failures = 0;

grant select, insert, update, delete on login_failure to ${app_role};
