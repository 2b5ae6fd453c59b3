-- Cluster profile. INT_LOCK is Spring Integration's JdbcLockRegistry table (its schema-*.sql for
-- PostgreSQL and H2, unchanged), so that exactly one node fires each deadline.
create table INT_LOCK (
    LOCK_KEY      char(36)      not null,
    REGION        varchar(100)  not null,
    CLIENT_ID     char(36),
    CREATED_DATE  timestamp     not null,
    EXPIRED_AFTER timestamp     not null,
    constraint INT_LOCK_PK primary key (LOCK_KEY, REGION)
);

-- The pending deadline of each exercise, written in the transaction that commits the events setting
-- it, so that any node can fire it (and the others know it was fired) after the node that set it died.
create table exercise_deadline (
    exercise_id  varchar(40)  primary key,
    due_at       bigint       not null
);
create index exercise_deadline_due on exercise_deadline (due_at);
