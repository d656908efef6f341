-- A case can be deleted (ADR 0057): its notifications and escalation records go with it. The app role
-- could only insert those rows (and mark notifications read); it may now delete them, still under RLS.
grant delete on case_notification to ${app_role};
grant delete on case_sla_escalation to ${app_role};
