-- The summary as a message key and its arguments (JSON, kept as text so that the hash chain covers
-- the very characters stored), so the audit log reads in each reader's language (ADR 0053).
-- Entries written before have none and show their French summary.
alter table audit_entry add column summary_message text;
