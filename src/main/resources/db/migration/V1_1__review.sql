-- After-action review (org.hotline.review). Numbered 1.1 so that the exercise tables' own later
-- migrations (V2, V3, ...) still run after it, in order.

-- The facilitator's edits of the drafted after-action report, and its release to the players.
create table review_report (
    exercise_id  varchar(40)      primary key,
    report       varchar(1000000),
    edited_by    varchar(100),
    edited_at    bigint,
    released_at  bigint
);

-- Where an exercise came from when it did not start from a scenario: a branch or an import.
create table review_origin (
    exercise_id  varchar(40)   primary key,
    kind         varchar(20)   not null,
    source_id    varchar(40),
    source_turn  integer,
    created_by   varchar(100)  not null,
    created_at   bigint        not null
);
create index review_origin_source on review_origin (source_id);
