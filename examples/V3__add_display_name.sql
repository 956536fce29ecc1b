-- users is live by now. A nullable column without a default changes only the catalog on
-- PostgreSQL and is ALGORITHM=INSTANT on MySQL/MariaDB (Underway appends the clause, so a server
-- that would copy the table refuses instead); the lock it needs is held for milliseconds, and
-- Underway waits for it at most --lock-timeout, retrying rather than queueing in front of the
-- application's queries.
ALTER TABLE users ADD COLUMN display_name varchar(100);

-- One row, by its key: no long-held row locks. Fill a big table with `underway backfill`.
UPDATE users SET display_name = 'Ada Lovelace' WHERE id = 1;
