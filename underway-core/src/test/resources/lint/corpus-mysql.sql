-- Lint corpus for MySQL (default version 8.0.35). Same format as corpus-postgres.sql; lock is the ALTER
-- algorithm and LOCK level ("INPLACE,LOCK=NONE"), reads/writes say whether they are blocked, online is the
-- clause the executor may append ("-" for none).

-- @file V1__setup.sql
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE users (id bigint PRIMARY KEY AUTO_INCREMENT, email varchar(50) NOT NULL, name varchar(40),
    status enum('new','active') NOT NULL, bio text, age int, country char(2), nick varchar(20), score int,
    city varchar(100) CHARACTER SET latin1) DEFAULT CHARSET=utf8mb4;
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE posts (id bigint NOT NULL, user_id bigint, title varchar(100), PRIMARY KEY (id), KEY posts_user (user_id));
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE tags (id int PRIMARY KEY, label varchar(20));
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=yes reads=ok writes=ok codes=
CREATE INDEX tags_label ON tags (label);
-- @expect lock=none rewrite=no scan=no codes=
CREATE VIEW tag_labels AS SELECT label FROM tags;

-- @file V2__columns.sql
-- @expect lock=INSTANT rewrite=no scan=no reads=ok writes=ok online=ALGORITHM=INSTANT codes=
ALTER TABLE users ADD COLUMN plan int;
-- @expect lock=INSTANT rewrite=no scan=no online=ALGORITHM=INSTANT codes=
ALTER TABLE users ADD COLUMN middle varchar(20) AFTER name;
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes reads=ok writes=block online=- codes=MY203
ALTER TABLE users ADD COLUMN age2 int AS (age * 2) STORED;
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE users ADD COLUMN age3 int AS (age * 3) VIRTUAL;
-- @expect lock=INSTANT rewrite=no scan=no breaks=yes codes=UW013
ALTER TABLE users DROP COLUMN bio;
-- @expect lock=INSTANT rewrite=no scan=no breaks=yes codes=UW011
ALTER TABLE users RENAME COLUMN name TO full_name;
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes writes=block online=- codes=MY201
ALTER TABLE users MODIFY age bigint;
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=no writes=ok online=ALGORITHM=INPLACE,LOCK=NONE codes=
ALTER TABLE users MODIFY nick varchar(60);
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY201
ALTER TABLE users MODIFY email varchar(100) NOT NULL;
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE users MODIFY status enum('new','active','banned') NOT NULL;
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY202
ALTER TABLE users MODIFY status enum('active','new','banned') NOT NULL;
-- @expect lock=INPLACE,LOCK=NONE rewrite=yes scan=no writes=ok codes=MY208
ALTER TABLE users MODIFY country char(2) NOT NULL;
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE users ALTER COLUMN score SET DEFAULT 0;
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE users ALTER COLUMN score DROP DEFAULT;
-- @expect lock=INSTANT rewrite=no scan=no breaks=yes codes=UW011
ALTER TABLE users CHANGE nick nickname varchar(60);
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY206
ALTER TABLE users MODIFY city varchar(100) CHARACTER SET utf8mb4;
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY201
ALTER TABLE tags MODIFY id bigint;
-- A default in parentheses is an expression, evaluated for every row (not INSTANT); without them it is a constant.
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes writes=block online=- codes=MY201
ALTER TABLE users ADD COLUMN joined datetime DEFAULT (now());
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes writes=block online=- codes=MY201
ALTER TABLE users ADD COLUMN token char(36) DEFAULT (uuid());
-- @expect lock=INSTANT rewrite=no scan=no online=ALGORITHM=INSTANT codes=
ALTER TABLE users ADD COLUMN seen datetime DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP;

-- @file V3__indexes.sql
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=yes writes=ok online=ALGORITHM=INPLACE,LOCK=NONE codes=
CREATE INDEX users_full_name ON users (full_name);
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=yes writes=ok codes=
ALTER TABLE users ADD INDEX users_age (age);
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=yes codes=
ALTER TABLE users ADD UNIQUE KEY users_email (email);
-- @expect lock=INPLACE,LOCK=SHARED rewrite=no scan=yes writes=block online=- codes=MY207
ALTER TABLE posts ADD FULLTEXT INDEX posts_title (title);
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=no online=ALGORITHM=INPLACE,LOCK=NONE codes=
DROP INDEX users_age ON users;
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=no codes=
ALTER TABLE users RENAME INDEX users_full_name TO users_name;
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=no codes=
ALTER TABLE users DROP INDEX users_email;
-- ALGORITHM= and LOCK= written on DROP INDEX are honoured.
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes writes=block online=- codes=MY205
DROP INDEX tags_label ON tags ALGORITHM=COPY;
-- @expect lock=INPLACE,LOCK=EXCLUSIVE rewrite=no scan=no reads=block writes=block online=- codes=MY205
DROP INDEX users_name ON users LOCK=EXCLUSIVE;

-- @file V4__constraints.sql
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes writes=block codes=MY204
ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
-- @expect lock=none rewrite=no scan=no codes=
SET foreign_key_checks = 0;
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=no writes=ok codes=
ALTER TABLE posts ADD CONSTRAINT posts_user_fk2 FOREIGN KEY (user_id) REFERENCES users (id);
-- @expect lock=none rewrite=no scan=no codes=
SET foreign_key_checks = 1;
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY201
ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=no codes=
ALTER TABLE posts DROP FOREIGN KEY posts_user_fk2;
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY201
ALTER TABLE tags DROP PRIMARY KEY;
-- @expect lock=INPLACE,LOCK=NONE rewrite=yes scan=no codes=MY208
ALTER TABLE tags ADD PRIMARY KEY (id);
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes online=- codes=MY201
DROP INDEX `PRIMARY` ON tags;

-- @file V5__table.sql
-- Replacing or dropping an existing view takes an exclusive metadata lock on it.
-- @expect lock=metadata_lock_(exclusive) rewrite=no scan=no reads=block writes=block codes=
CREATE OR REPLACE VIEW tag_labels AS SELECT id, label FROM tags;
-- @expect lock=metadata_lock_(exclusive) rewrite=no scan=no reads=block writes=block codes=
DROP VIEW tag_labels;
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY206
ALTER TABLE users CONVERT TO CHARACTER SET latin1;
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY205
ALTER TABLE users ADD COLUMN z int, ALGORITHM=COPY;
-- @expect lock=INPLACE,LOCK=SHARED rewrite=no scan=yes writes=block codes=MY205
ALTER TABLE users ADD INDEX users_z (z), LOCK=SHARED;
-- @expect lock=INPLACE,LOCK=EXCLUSIVE rewrite=no scan=yes reads=block writes=block codes=MY205
ALTER TABLE users ADD INDEX users_z2 (z), LOCK=EXCLUSIVE;
-- @expect lock=INSTANT rewrite=no scan=no online=- codes=
ALTER TABLE users ADD COLUMN w int, ALGORITHM=INSTANT;
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY201,MY210
ALTER TABLE users MODIFY score bigint, ALGORITHM=INPLACE;
-- @expect lock=INPLACE,LOCK=NONE rewrite=yes scan=no codes=MY208
ALTER TABLE users ENGINE=InnoDB;
-- @expect lock=INPLACE,LOCK=NONE rewrite=yes scan=no codes=MY208
OPTIMIZE TABLE posts;
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=no codes=
ALTER TABLE users COMMENT = 'people';
-- @expect lock=INSTANT rewrite=no scan=no breaks=yes codes=UW010
RENAME TABLE tags TO labels;
-- @expect lock=INSTANT rewrite=no scan=no breaks=yes codes=UW010
ALTER TABLE labels RENAME TO tags;
-- @expect lock=metadata_lock_(exclusive) rewrite=yes scan=no codes=UW014
TRUNCATE TABLE tags;
-- @expect lock=metadata_lock_(exclusive) rewrite=no scan=no breaks=yes codes=UW012
DROP TABLE tags;
-- @expect lock=metadata_lock_(exclusive) rewrite=no scan=no codes=
CREATE TRIGGER users_bi BEFORE INSERT ON users FOR EACH ROW SET NEW.score = 0;

-- @file V6__dml.sql
-- @expect lock=row_locks rewrite=no scan=yes codes=UW015
UPDATE users SET score = 1;
-- @expect lock=row_locks rewrite=no scan=no codes=
UPDATE users SET score = 2 WHERE id = 10;
-- @expect lock=row_locks rewrite=no scan=no codes=
DELETE FROM posts WHERE id BETWEEN 1 AND 1000;
-- @expect lock=row_locks rewrite=no scan=no codes=
INSERT INTO posts (id, user_id, title) VALUES (1, 1, 'x');
-- @expect lock=unknown rewrite=no scan=no codes=UW001
HANDLER users OPEN;

-- @file V7__mysql_8_0_11.sql
-- @version 8.0.11
-- @expect lock=INPLACE,LOCK=NONE rewrite=yes scan=no online=ALGORITHM=INPLACE,LOCK=NONE codes=MY208
ALTER TABLE users ADD COLUMN old_a int;
-- @expect lock=INPLACE,LOCK=NONE rewrite=yes scan=no breaks=yes codes=MY208,UW013
ALTER TABLE users DROP COLUMN old_a;

-- @file V8__mysql_8_0_20.sql
-- @version 8.0.20
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE users ADD COLUMN b20 int;
-- @expect lock=INPLACE,LOCK=NONE rewrite=yes scan=no codes=MY208
ALTER TABLE users ADD COLUMN c20 int FIRST;
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=no breaks=yes codes=UW011
ALTER TABLE users RENAME COLUMN b20 TO b20x;

-- @file V9__mysql_8_0_28.sql
-- @version 8.0.28
-- @expect lock=INSTANT rewrite=no scan=no breaks=yes codes=UW011
ALTER TABLE users RENAME COLUMN b20x TO b28;
-- @expect lock=INPLACE,LOCK=NONE rewrite=yes scan=no breaks=yes codes=MY208,UW013
ALTER TABLE users DROP COLUMN b28;

-- @file V10__mysql_8_0_29.sql
-- @version 8.0.29
-- @expect lock=INSTANT rewrite=no scan=no breaks=yes codes=UW013
ALTER TABLE users DROP COLUMN c20;
