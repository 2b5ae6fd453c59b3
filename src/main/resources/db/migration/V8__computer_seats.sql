-- Computer-played teams (issue 14): which strategy plays which team, so that a restart resumes them.
-- One row per computer-played team; giving the team back to people deletes it. Plain types (H2 and PostgreSQL).
create table computer_seat (
    exercise_id  varchar(40)   not null,
    side         varchar(20)   not null,
    player_id    varchar(40)   not null,
    name         varchar(100)  not null,
    strategy_id  varchar(100)  not null,
    assigned_by  varchar(100)  not null,
    assigned_at  bigint        not null,
    replaced     varchar(2000) not null,
    primary key (exercise_id, side)
);
