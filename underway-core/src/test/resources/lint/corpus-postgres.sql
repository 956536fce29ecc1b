-- Lint corpus for PostgreSQL (default version 17). Format:
--   "-- @file NAME" starts a migration file (context: tables created in the same file are new);
--   "-- @version N" right after it sets the target version for that file (the trace test skips such files);
--   "-- @expect key=value ..." annotates the next statement: lock (the lock on the statement's table, spaces as
--   underscores; none/unknown), rewrite, scan, breaks (yes/no), also=relation:LOCK (locks on other tables),
--   codes (the exact finding codes, comma-separated, empty for none), trace=skip:why.

-- @file V1__setup.sql
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(20) NOT NULL, name text, score integer,
    balance numeric(10,2), created_at timestamp, status text, code char(4), flags int[], nick varchar(30));
-- @expect lock=none rewrite=no scan=no codes= also=accounts:SHARE_ROW_EXCLUSIVE
CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id), total numeric(12,2),
    note varchar(50), placed_at timestamptz DEFAULT now());
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE events (id bigint, payload text, kind text, seen timestamp);
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE audit (id serial PRIMARY KEY, msg text, at timestamp);
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE parted (id int, region text) PARTITION BY LIST (region);
-- @expect lock=none rewrite=no scan=no codes= also=parted:ACCESS_EXCLUSIVE
CREATE TABLE parted_eu PARTITION OF parted FOR VALUES IN ('eu');
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE spare (id int, region text);
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE old_stuff (id int);
-- @expect lock=SHARE rewrite=no scan=yes codes=
CREATE INDEX accounts_name_idx ON accounts (name);
-- @expect lock=SHARE rewrite=no scan=yes codes=
CREATE INDEX orders_account_idx ON orders (account_id);
-- @expect lock=SHARE rewrite=no scan=yes codes=
CREATE UNIQUE INDEX events_id_idx ON events (id);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind IS NOT NULL) NOT VALID;
-- @expect lock=none rewrite=no scan=no codes=
CREATE TYPE mood AS ENUM ('ok', 'sad');
-- @expect lock=none rewrite=no scan=no codes=
CREATE VIEW account_states AS SELECT id, status FROM accounts;
-- @expect lock=none rewrite=no scan=no codes=
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.at = now(); RETURN NEW; END $$;
-- @expect lock=none rewrite=no scan=no codes=
CREATE SEQUENCE invoice_no;
-- @expect lock=ROW_EXCLUSIVE rewrite=no scan=no codes=
INSERT INTO accounts (id, email, name, score, balance) VALUES (1, 'a@example.com', 'a', 1, 1.00);
-- @expect lock=SHARE_ROW_EXCLUSIVE rewrite=no scan=no codes=
CREATE TRIGGER audit_touch BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION touch();
-- @expect lock=none rewrite=no scan=yes codes=
CREATE MATERIALIZED VIEW account_counts AS SELECT status, count(*) AS n FROM accounts GROUP BY status;

-- @file V2__indexes.sql
-- @expect lock=SHARE rewrite=no scan=yes codes=PG101
CREATE INDEX accounts_email_idx ON accounts (email);
-- @expect lock=SHARE rewrite=no scan=yes codes=PG101
CREATE UNIQUE INDEX IF NOT EXISTS orders_note_idx ON orders (note);
-- @expect lock=SHARE rewrite=no scan=yes codes=PG101
CREATE INDEX accounts_lower_email_idx ON accounts (lower(email)) WHERE status IS NOT NULL;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG102 also=orders:ACCESS_EXCLUSIVE
DROP INDEX orders_note_idx;
-- @expect lock=SHARE rewrite=yes scan=no codes=PG104 also=accounts:SHARE
REINDEX INDEX accounts_name_idx;
-- @expect lock=SHARE rewrite=yes scan=no codes=PG104
REINDEX TABLE orders;
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=no codes= also=accounts_email_idx:SHARE_UPDATE_EXCLUSIVE
ALTER INDEX accounts_email_idx RENAME TO accounts_email_idx2;
-- A suppression with a reason: the finding is accepted.
-- underway:allow PG101 reason="accounts has a few hundred rows in every environment"
-- @expect lock=SHARE rewrite=no scan=yes codes=
CREATE INDEX accounts_score_idx ON accounts (score);

-- @file V3__concurrently.sql
-- underway:no-transaction
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=yes codes=
CREATE INDEX CONCURRENTLY accounts_created_idx ON accounts (created_at);
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=yes codes=
CREATE UNIQUE INDEX CONCURRENTLY accounts_email_uidx ON accounts (email);
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=yes codes=
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS events_payload_uidx ON events (payload);
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=no codes= also=accounts:SHARE_UPDATE_EXCLUSIVE
DROP INDEX CONCURRENTLY accounts_score_idx;
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=yes scan=no codes= also=accounts:SHARE_UPDATE_EXCLUSIVE
REINDEX INDEX CONCURRENTLY accounts_created_idx;
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=yes scan=no codes=
REINDEX TABLE CONCURRENTLY orders;
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=no codes=
VACUUM accounts;
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=no codes=
VACUUM (ANALYZE) orders;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG113
VACUUM FULL events;

-- @file V4__mixed.sql
-- migrate refuses a file that mixes statements that cannot run in a transaction with ones that do: UW005.
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE mixed_new (id int);
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=yes codes=UW005
CREATE INDEX CONCURRENTLY accounts_status_idx ON accounts (status);

-- @file V5__explicit_block.sql
-- underway:no-transaction
-- @expect lock=none rewrite=no scan=no codes= trace=skip:transaction control is not traced
BEGIN;
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=yes codes=PG103
CREATE INDEX CONCURRENTLY accounts_balance_idx ON accounts (balance);
-- @expect lock=none rewrite=no scan=no codes= trace=skip:transaction control is not traced
COMMIT;

-- @file V6__constraints.sql
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=yes codes=PG105
ALTER TABLE accounts ADD CONSTRAINT accounts_score_check CHECK (score >= 0);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ADD CONSTRAINT accounts_balance_check CHECK (balance >= 0) NOT VALID;
-- @expect lock=SHARE_ROW_EXCLUSIVE rewrite=no scan=yes codes=PG105 also=accounts:SHARE_ROW_EXCLUSIVE
ALTER TABLE events ADD CONSTRAINT events_account_fk FOREIGN KEY (id) REFERENCES accounts (id);
-- @expect lock=SHARE_ROW_EXCLUSIVE rewrite=no scan=no codes= also=accounts:SHARE_ROW_EXCLUSIVE
ALTER TABLE audit ADD CONSTRAINT audit_account_fk FOREIGN KEY (id) REFERENCES accounts (id) NOT VALID;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=yes codes=PG108
ALTER TABLE orders ADD CONSTRAINT orders_total_key UNIQUE (total);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=yes codes=PG108
ALTER TABLE events ADD PRIMARY KEY (id);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_uidx;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts RENAME CONSTRAINT accounts_email_key TO accounts_email_unique;
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=yes codes=PG106
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_balance_check;

-- @file V7__validate.sql
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=yes codes= also=accounts:ROW_SHARE
ALTER TABLE audit VALIDATE CONSTRAINT audit_account_fk;
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=yes codes=
ALTER TABLE events VALIDATE CONSTRAINT events_kind_check;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes= also=accounts:ACCESS_EXCLUSIVE
ALTER TABLE events DROP CONSTRAINT events_account_fk;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts DROP CONSTRAINT accounts_score_check;

-- @file V8__not_null.sql
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=yes codes=PG107
ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE events ALTER COLUMN kind SET NOT NULL;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ALTER COLUMN name DROP NOT NULL;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE orders ADD CONSTRAINT orders_note_not_null CHECK (note IS NOT NULL) NOT VALID;

-- @file V9__not_null_validate.sql
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=yes codes=
ALTER TABLE orders VALIDATE CONSTRAINT orders_note_not_null;

-- @file V10__not_null_set.sql
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE orders DROP CONSTRAINT orders_note_not_null;

-- @file V11__columns.sql
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ADD COLUMN phone text;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ADD COLUMN level integer DEFAULT 0;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS tier text DEFAULT 'free'::text;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG109
ALTER TABLE accounts ADD COLUMN token uuid DEFAULT gen_random_uuid();
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG109
ALTER TABLE orders ADD COLUMN r double precision DEFAULT random();
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG109
ALTER TABLE orders ADD COLUMN stamped timestamptz DEFAULT clock_timestamp();
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG110
ALTER TABLE events ADD COLUMN seq serial;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG110
ALTER TABLE orders ADD COLUMN num bigint GENERATED ALWAYS AS IDENTITY;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG110
ALTER TABLE accounts ADD COLUMN double_score integer GENERATED ALWAYS AS (score * 2) STORED;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=yes codes=PG114
ALTER TABLE orders ADD COLUMN region text NOT NULL;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ADD COLUMN country text NOT NULL DEFAULT 'NL';
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes= also=accounts:SHARE_ROW_EXCLUSIVE
ALTER TABLE audit ADD COLUMN account_id bigint REFERENCES accounts (id);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=yes codes=PG108
ALTER TABLE orders ADD COLUMN ext_ref text UNIQUE;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=yes codes=PG105
ALTER TABLE orders ADD COLUMN qty integer CHECK (qty > 0);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ALTER COLUMN level SET DEFAULT 1;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ALTER COLUMN level DROP DEFAULT;
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ALTER COLUMN score SET STATISTICS 500;
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts SET (fillfactor = 90);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=yes codes=PG109,PG114
ALTER TABLE events ADD COLUMN a text, ADD COLUMN b uuid NOT NULL DEFAULT gen_random_uuid(), ADD COLUMN c int NOT NULL;

-- @file V12__types.sql
-- @expect lock=none rewrite=no scan=no codes=
SET TimeZone = 'Europe/Berlin';
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE accounts ALTER COLUMN email TYPE varchar(50);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE orders ALTER COLUMN note TYPE varchar(80);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE orders ALTER COLUMN note TYPE text;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=yes codes=PG111
ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(14,2);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(14,4);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE accounts ALTER COLUMN level TYPE bigint;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE accounts ALTER COLUMN name TYPE varchar(10);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE accounts ALTER COLUMN nick TYPE varchar(10);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE accounts ALTER COLUMN nick SET DATA TYPE varchar;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE accounts ALTER COLUMN code TYPE text;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE orders ALTER COLUMN total TYPE integer USING total::integer;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE events ALTER COLUMN seen TYPE timestamptz;

-- @file V13__utc.sql
-- @expect lock=none rewrite=no scan=no codes=
SET TimeZone = 'UTC';
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE accounts ALTER COLUMN created_at TYPE timestamptz;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE audit ALTER COLUMN at TYPE timestamptz;

-- @file V14__hidden.sql
-- @expect lock=unknown rewrite=no scan=no codes=UW001
DO $$ BEGIN EXECUTE 'CREATE TABLE hidden (v varchar(10))'; END $$;

-- @file V15__unknown_type.sql
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111 trace=skip:the column type is unknown to the model, so the static verdict assumes a rewrite
ALTER TABLE hidden ALTER COLUMN v TYPE varchar(20);

-- @file V16__renames_drops.sql
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no breaks=yes codes=UW011
ALTER TABLE accounts RENAME COLUMN phone TO phone_number;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no breaks=yes codes=UW010
ALTER TABLE old_stuff RENAME TO older_stuff;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no breaks=yes codes=UW013
ALTER TABLE accounts DROP COLUMN tier;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no breaks=yes codes=UW013
ALTER TABLE orders DROP COLUMN IF EXISTS region CASCADE;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no breaks=yes codes=UW012
DROP TABLE older_stuff;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=UW014
TRUNCATE audit;
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE scratch (id int);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no breaks=yes codes=
ALTER TABLE scratch RENAME TO scratch2;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no breaks=yes codes=
DROP TABLE scratch2;

-- @file V17__rewrites.sql
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG113
CLUSTER accounts USING accounts_pkey;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG113
ALTER TABLE events SET UNLOGGED;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG113
ALTER TABLE events SET LOGGED;

-- @file V18__dml.sql
-- @expect lock=ROW_EXCLUSIVE rewrite=no scan=yes codes=UW015
UPDATE accounts SET score = 0;
-- @expect lock=ROW_EXCLUSIVE rewrite=no scan=no codes=
UPDATE accounts SET score = 1 WHERE id = 1;
-- @expect lock=ROW_EXCLUSIVE rewrite=no scan=no codes=UW015
UPDATE accounts SET score = 2 WHERE status = 'old';
-- @expect lock=ROW_EXCLUSIVE rewrite=no scan=yes codes=UW015
DELETE FROM events;
-- @expect lock=ROW_EXCLUSIVE rewrite=no scan=no codes=
DELETE FROM orders WHERE id < 100;
-- @expect lock=ROW_EXCLUSIVE rewrite=no scan=no codes=
INSERT INTO events (id, payload, kind, c) SELECT id, email, 'copy', 0 FROM accounts;
-- @expect lock=ACCESS_SHARE rewrite=no scan=no codes=
SELECT count(*) FROM accounts;

-- @file V19__misc.sql
-- @expect lock=SHARE_ROW_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE audit DISABLE TRIGGER audit_touch;
-- @expect lock=SHARE_ROW_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE audit ENABLE TRIGGER audit_touch;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
DROP TRIGGER audit_touch ON audit;
-- @expect lock=SHARE_ROW_EXCLUSIVE rewrite=no scan=no codes=
CREATE TRIGGER audit_touch2 BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION touch();
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=no codes=
COMMENT ON TABLE accounts IS 'customer accounts';
-- @expect lock=SHARE rewrite=no scan=no codes=
LOCK TABLE orders IN SHARE MODE;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
LOCK TABLE spare;
-- @expect lock=none rewrite=no scan=no codes=
ALTER TYPE mood ADD VALUE 'meh';
-- @expect lock=none rewrite=no scan=no codes=
GRANT SELECT ON accounts TO PUBLIC;
-- @expect lock=none rewrite=no scan=no codes=
SET lock_timeout = '2s';
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=yes codes= also=spare:ACCESS_EXCLUSIVE
ALTER TABLE parted ATTACH PARTITION spare FOR VALUES IN ('us');
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG118 also=spare:ACCESS_EXCLUSIVE
ALTER TABLE parted DETACH PARTITION spare;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=yes codes=
REFRESH MATERIALIZED VIEW account_counts;
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=no codes=
ANALYZE accounts;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts REPLICA IDENTITY FULL;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
-- @expect lock=unknown rewrite=no scan=no codes=UW001 trace=skip:an unknown statement has no verdict to compare
MERGE INTO accounts a USING orders o ON a.id = o.account_id WHEN MATCHED THEN UPDATE SET score = 3;
-- current_setting() is stable: the default is evaluated once and stored in the catalog.
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ADD COLUMN tz text DEFAULT current_setting('TimeZone');
-- Replacing, altering or dropping a view that exists locks it: its readers wait.
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
CREATE OR REPLACE VIEW account_states AS SELECT id, status FROM accounts;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER VIEW account_states ALTER COLUMN status SET DEFAULT 'new';
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
DROP VIEW account_states;

-- @file V20__pg11.sql
-- @version 11
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE accounts ADD COLUMN pg11_flag boolean DEFAULT false;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG109
ALTER TABLE accounts ADD COLUMN pg11_uuid uuid DEFAULT gen_random_uuid();

-- @file V21__pg10.sql
-- @version 10
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG109
ALTER TABLE accounts ADD COLUMN pg10_flag boolean DEFAULT false;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE events ADD CONSTRAINT events_payload_nn CHECK (payload IS NOT NULL) NOT VALID;

-- @file V22__pg11_validate.sql
-- @version 11
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=yes codes=
ALTER TABLE events VALIDATE CONSTRAINT events_payload_nn;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=yes codes=PG107
ALTER TABLE events ALTER COLUMN payload SET NOT NULL;

-- @file V23__pg12.sql
-- @version 12
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE events ALTER COLUMN payload SET NOT NULL;

-- @file V24__peer_setup.sql
-- Cases from other linters' own tests (squawk, strong_migrations) where they were right; each verdict is traced.
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE peers (id bigint PRIMARY KEY, c varchar(100), ts timestamp(3), tz timestamptz(2), tm time(1), ttz timetz(1),
    iv interval(2), ivy interval year, tags varchar(10)[], labels varchar(10)[], stamps timestamp(3)[], n numeric(10,2));
-- @expect lock=ROW_EXCLUSIVE rewrite=no scan=no codes=
INSERT INTO peers VALUES (1, 'a', now(), now(), now(), now(), '1 day', '1 year', '{a}', '{b}', '{2024-01-01}', 1.5);
-- @expect lock=none rewrite=no scan=no codes=
CREATE DOMAIN peer_positive AS integer;
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE peer_counts (id int, n peer_positive);
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE peer_totals (id int, total peer_positive, other int);
-- @expect lock=none rewrite=no scan=no codes=
CREATE TYPE peer_mood AS ENUM ('ok', 'sad');
-- @expect lock=none rewrite=no scan=no codes=
CREATE SCHEMA peer_schema;
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE peer_parted (id int, region text) PARTITION BY LIST (region);
-- @expect lock=none rewrite=no scan=no codes= also=peer_parted:ACCESS_EXCLUSIVE
CREATE TABLE peer_parted_eu PARTITION OF peer_parted FOR VALUES IN ('eu');

-- @file V25__peer_cases.sql
-- The comma inside the array literal does not end the sub-command.
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE peers ADD COLUMN arr text[] DEFAULT array['foo', 'bar'];
-- A USING that is the column itself or its cast to the new type changes nothing: the types decide.
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE peers ALTER COLUMN c TYPE varchar(200) USING c::varchar(200);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE peers ALTER COLUMN c TYPE character varying(300) USING CAST(peers.c AS varchar(300));
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE peers ALTER COLUMN c TYPE varchar(400) USING (c);
-- Any other USING converts every row.
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE peers ALTER COLUMN c TYPE varchar(500) USING upper(c);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE peers ALTER COLUMN c TYPE varchar(600) USING c::text;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE peers ALTER COLUMN c TYPE varchar(10) USING c::varchar(10);
-- Fractional-second precision: keeping or raising it is free, lowering it rounds every value.
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE peers ALTER COLUMN ts TYPE timestamp;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE peers ALTER COLUMN ts TYPE timestamp(2);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE peers ALTER COLUMN ts TYPE timestamp(4) without time zone;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE peers ALTER COLUMN tz TYPE timestamptz(5);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE peers ALTER COLUMN tm TYPE time(3);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE peers ALTER COLUMN ttz TYPE time with time zone;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE peers ALTER COLUMN iv TYPE interval(4);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE peers ALTER COLUMN iv TYPE interval(1);
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE peers ALTER COLUMN ivy TYPE interval;
-- Array elements are converted one by one, unless only the element's modifier is dropped.
-- @expect lock=ACCESS_EXCLUSIVE rewrite=yes scan=no codes=PG111
ALTER TABLE peers ALTER COLUMN tags TYPE varchar(20)[];
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE peers ALTER COLUMN labels TYPE varchar[];
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE peers ALTER COLUMN stamps TYPE timestamp[];
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG112
ALTER TABLE peers ALTER COLUMN n TYPE numeric(12,2) USING n::numeric(12,2);
-- A domain constraint is checked on every column of the domain, under SHARE.
-- @expect lock=SHARE rewrite=no scan=yes codes=PG117 also=peer_counts:SHARE also=peer_totals:SHARE
ALTER DOMAIN peer_positive ADD CONSTRAINT peer_positive_check CHECK (VALUE > 0);
-- @expect lock=none rewrite=no scan=no codes=
ALTER DOMAIN peer_positive ADD CONSTRAINT peer_positive_small CHECK (VALUE < 1000000) NOT VALID;
-- @expect lock=SHARE rewrite=no scan=yes codes=PG117 also=peer_counts:SHARE also=peer_totals:SHARE
ALTER DOMAIN peer_positive VALIDATE CONSTRAINT peer_positive_small;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG118 also=peer_parted_eu:ACCESS_EXCLUSIVE
ALTER TABLE peer_parted DETACH PARTITION peer_parted_eu;
-- @expect lock=none rewrite=no scan=no breaks=yes codes=PG119
ALTER TYPE peer_mood RENAME VALUE 'sad' TO 'unhappy';
-- @expect lock=none rewrite=no scan=no breaks=yes codes=PG120
ALTER SCHEMA peer_schema RENAME TO peer_schema2;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=PG121
ALTER TABLE peers ADD COLUMN payload json;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE peers ADD COLUMN document jsonb;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=yes codes=PG114 trace=skip:peers has a row, so PostgreSQL refuses it (column "required" contains null values): what PG114 says
ALTER TABLE peers ADD COLUMN required text NOT NULL;

-- @file V26__peer_concurrently.sql
-- underway:no-transaction
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=yes scan=no codes=
REINDEX (CONCURRENTLY) TABLE peers;
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=yes scan=no codes= also=peers:SHARE_UPDATE_EXCLUSIVE
REINDEX (VERBOSE, CONCURRENTLY true) INDEX peers_pkey;
-- @expect lock=SHARE rewrite=yes scan=no codes=PG104
REINDEX (CONCURRENTLY false) TABLE peers;
-- @expect lock=none rewrite=no scan=no breaks=yes codes=UW016 trace=skip:it would drop a database
DROP DATABASE IF EXISTS peer_scratch;

-- @file V27__explicit_transaction.sql
-- migrate runs the file in its own transaction, so it refuses BEGIN/COMMIT in it: UW005.
-- @expect lock=none rewrite=no scan=no codes=UW005
BEGIN;
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE peers ADD COLUMN in_block int;
-- @expect lock=none rewrite=no scan=no codes=
COMMIT;

-- @file V28__mixed_vacuum.sql
-- @expect lock=ACCESS_EXCLUSIVE rewrite=no scan=no codes=
ALTER TABLE peers ADD COLUMN before_vacuum int;
-- @expect lock=SHARE_UPDATE_EXCLUSIVE rewrite=no scan=no codes=UW005
VACUUM peers;
