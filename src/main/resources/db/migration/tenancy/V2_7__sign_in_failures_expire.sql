-- Wrong passwords count towards a lock only within the lockout's window (atlas.security.lockout) of the one before:
-- a wrong password last month and four today do not lock. An account's failures get the time of the last one, as an
-- address's without an account already had; an address's rows whose last failure is older than the window, and whose
-- lock (if any) has ended, say nothing more than no row and are purged by a scheduled job, on their last failure.
alter table app_user add column last_failed_login_at timestamptz;

drop index login_failure_ended_idx;
create index login_failure_last_failed_idx on login_failure (last_failed_at);
