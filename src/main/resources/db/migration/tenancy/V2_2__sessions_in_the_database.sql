-- Signed-in sessions live in PostgreSQL (Spring Session JDBC), so any application node serves any request and a
-- restart signs nobody out (ADR 0014). The tables are Spring Session's own schema for PostgreSQL.
--
-- No org_id and no row-level security: a session is looked up by its cookie before anyone, hence any tenant, is
-- known, like the login itself. What a session holds (the signed-in member's ids, e-mail, role and language, the CSRF
-- token) grants nothing without the random session id, and the tenant of every later query still comes from that
-- member through app.org_id.
create table spring_session
(
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes
(
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

grant select, insert, update, delete on spring_session, spring_session_attributes to ${app_role};
