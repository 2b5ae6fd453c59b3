-- Security (issue 12). Runs on H2 (file and mem) and PostgreSQL.

-- A facilitator may disable an account: it cannot log in and its tokens are refused.
alter table account add column disabled boolean default false not null;

-- Seats removed before removal revoked their tokens: revoke them now (a removed seat never returns).
delete from access_token where player_id is not null and exists (
    select 1 from exercise_event e
    where e.type = 'PLAYER_REMOVED' and e.payload like '%"playerId":"' || access_token.player_id || '"%');

-- Command ids are kept per sender (seat or account), stored as "<sender> <commandId>".
alter table command_receipt alter column command_id set data type varchar(300);
