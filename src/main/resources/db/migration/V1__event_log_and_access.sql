-- Runs on H2 (file and mem) and PostgreSQL: plain types only.

create table account (
    username      varchar(100)  primary key,
    password_hash varchar(200)  not null,
    roles         varchar(200)  not null,
    created_at    bigint        not null
);

-- Tokens are stored as SHA-256 hashes: a leaked database does not hand out seats.
create table access_token (
    token_hash  varchar(64)  primary key,
    username    varchar(100),
    player_id   varchar(40),
    created_at  bigint       not null
);

create table join_code (
    code         varchar(32)  primary key,
    exercise_id  varchar(40)  not null,
    role         varchar(20)  not null,
    side         varchar(20)
);
create index join_code_exercise on join_code (exercise_id);

create table player (
    player_id    varchar(40)   primary key,
    exercise_id  varchar(40)   not null,
    name         varchar(100)  not null,
    role         varchar(20)   not null,
    side         varchar(20),
    created_at   bigint        not null
);

create table exercise (
    exercise_id  varchar(40)   primary key,
    scenario_id  varchar(100)  not null,
    title        varchar(300)  not null,
    owner        varchar(100)  not null,
    mode         varchar(20)   not null,
    seed         bigint        not null,
    phase        varchar(20)   not null,
    turn         integer       not null,
    last_seq     bigint        not null,
    created_at   bigint        not null
);
create index exercise_owner on exercise (owner);

-- The append-only log: the exercise's state is a projection of it.
create table exercise_event (
    exercise_id  varchar(40)      not null,
    seq          bigint           not null,
    type         varchar(40)      not null,
    turn         integer          not null,
    phase        varchar(20)      not null,
    channel      varchar(20)      not null,
    actor        varchar(100),
    occurred_at  bigint           not null,
    payload      varchar(1000000) not null,
    primary key (exercise_id, seq)
);

-- A command id is applied at most once per exercise.
create table command_receipt (
    exercise_id  varchar(40)   not null,
    command_id   varchar(100)  not null,
    first_seq    bigint        not null,
    last_seq     bigint        not null,
    primary key (exercise_id, command_id)
);

-- The latest projection of each exercise, so that a restart replays only what came after it.
create table exercise_snapshot (
    exercise_id  varchar(40)      primary key,
    seq          bigint           not null,
    state        varchar(1000000) not null
);
