-- Options analyses (issue 14): the request as sent, its state, and the result with its provenance.
-- Runs on H2 (file and mem) and PostgreSQL: plain types only.
create table analysis (
    analysis_id   varchar(40)      primary key,
    owner         varchar(100)     not null,
    scenario_id   varchar(100)     not null,
    state         varchar(20)      not null,
    total_runs    bigint           not null,
    done_runs     bigint           not null,
    request_json  varchar(100000)  not null,
    result_json   varchar(1000000),
    message       varchar(2000),
    created_at    bigint           not null,
    finished_at   bigint
);
create index analysis_created on analysis (created_at);
