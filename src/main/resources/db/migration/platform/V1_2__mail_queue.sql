-- Mails to send through SMTP (atlas.mail.transport=smtp): written where the mail is decided, delivered by a
-- background job that retries with growing delays, so an SMTP server that is down delays mails instead of failing
-- the sign-ups, invitations and resets that send them (ADR 0015). Not tenant data, like mail_outbox: a password
-- reset is mailed before anyone is signed in. The body of a sent mail is emptied, as it may hold a one-time link.
create table mail_queue
(
    id              uuid primary key,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null default now(),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    sent_at         timestamptz,
    -- given up after atlas.mail.max-attempts
    failed_at       timestamptz
);
create index mail_queue_due_idx on mail_queue (next_attempt_at) where sent_at is null and failed_at is null;

grant select, insert, update, delete on mail_queue to ${app_role};
