-- The first migration. Everything in examples/ is written in the SQL that PostgreSQL, MySQL and
-- MariaDB share, so the same directory applies unchanged to each (hence explicit ids instead of
-- IDENTITY / AUTO_INCREMENT, varchar instead of text for indexed columns).
-- On PostgreSQL the file runs in one transaction together with its history row; on MySQL/MariaDB,
-- where DDL commits at once, statement by statement, recording its progress after each one.
CREATE TABLE users (
    id         bigint       NOT NULL PRIMARY KEY,
    email      varchar(255) NOT NULL,
    created_at timestamp    NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Nobody uses users yet, so this index need not be built CONCURRENTLY: lint knows the table is new.
CREATE UNIQUE INDEX users_email_key ON users (email);

INSERT INTO users (id, email) VALUES (1, 'ada@example.com'), (2, 'grace@example.com');
