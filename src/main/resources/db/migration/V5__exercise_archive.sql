-- Exercises their facilitator has archived: out of "Your exercises" and the live consoles, still reviewable.
create table exercise_archive (
    exercise_id  varchar(40)   primary key,
    archived_by  varchar(100)  not null,
    archived_at  bigint        not null
);
