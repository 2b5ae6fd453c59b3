-- Security (issue 12) on SQLite: db/standard/V6__security.sql less what a new database does not need.
-- SQLite keeps no column lengths (command_receipt.command_id needs no widening, and SQLite cannot
-- alter a column's type), and a SQLite database is never older than this migration (no removed
-- seats' tokens to revoke).

-- A facilitator may disable an account: it cannot log in and its tokens are refused.
alter table account add column disabled boolean default false not null;
