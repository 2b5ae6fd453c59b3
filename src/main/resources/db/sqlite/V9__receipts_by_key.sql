-- Command receipts on SQLite (issue 10): stored in their key's own B-tree (WITHOUT ROWID). A table with
-- a rowid kept each receipt twice, as a row and as its key in the primary key's index: 1.3 KB of file
-- per turn played, 0.65 KB this way (StoreCosts). H2 and PostgreSQL store a table by its key already
-- or need no change (db/standard has no version 9).
create table command_receipt_by_key (
    exercise_id  varchar(40)   not null,
    command_id   varchar(300)  not null,
    first_seq    bigint        not null,
    last_seq     bigint        not null,
    primary key (exercise_id, command_id)
) without rowid;
insert into command_receipt_by_key (exercise_id, command_id, first_seq, last_seq)
    select exercise_id, command_id, first_seq, last_seq from command_receipt;
drop table command_receipt;
alter table command_receipt_by_key rename to command_receipt;
