-- Lint corpus for MariaDB (default version 11.4). Same format as corpus-mysql.sql. MariaDbAlgorithmIT runs the
-- files without @version on the embedded MariaDB and checks each ALTER's algorithm against the server.

-- @file V1__setup.sql
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE items (id bigint PRIMARY KEY, sku varchar(30) NOT NULL, name varchar(40), state enum('a','b'),
    qty int, note varchar(50), weight int NOT NULL, descr text, cat_id bigint, short31 varchar(31), short32 varchar(32),
    code127 varchar(127) CHARACTER SET latin1) DEFAULT CHARSET=utf8mb4;
-- @expect lock=none rewrite=no scan=no codes=
CREATE TABLE cats (id bigint PRIMARY KEY, title varchar(20)) DEFAULT CHARSET=latin1;

-- @file V2__alter.sql
-- @expect lock=INSTANT rewrite=no scan=no online=ALGORITHM=INSTANT codes=
ALTER TABLE items ADD COLUMN color varchar(10) FIRST;
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE items ADD COLUMN size int AFTER name;
-- @expect lock=INSTANT rewrite=no scan=no breaks=yes codes=UW013
ALTER TABLE items DROP COLUMN descr;
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE items MODIFY name varchar(60);
-- @expect lock=INPLACE,LOCK=NONE rewrite=yes scan=no codes=MY208
ALTER TABLE items MODIFY weight int NULL;
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE items MODIFY qty int AFTER id;
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes writes=block codes=MY201
ALTER TABLE items MODIFY qty bigint;
-- @expect lock=INSTANT rewrite=no scan=no breaks=yes codes=UW011
ALTER TABLE items CHANGE note remark varchar(50);
-- @expect lock=INSTANT rewrite=no scan=no breaks=yes codes=UW011
ALTER TABLE items RENAME COLUMN remark TO remarks;
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE items MODIFY state enum('a','b','c');
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY202
ALTER TABLE items MODIFY state enum('c','b','a');
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=yes online=ALGORITHM=INPLACE,LOCK=NONE codes=
ALTER TABLE items ADD INDEX items_sku (sku);
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=yes codes=
CREATE UNIQUE INDEX items_name ON items (name);
-- MariaDB's DROP INDEX ... ON takes no ALGORITHM or LOCK (1064), so none is appended; ALTER TABLE's form takes them.
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=no online=- codes=
DROP INDEX items_name ON items;
-- @expect lock=INPLACE,LOCK=NONE rewrite=no scan=no online=ALGORITHM=INPLACE,LOCK=NONE codes=
ALTER TABLE items DROP INDEX items_sku;
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY204
ALTER TABLE items ADD CONSTRAINT items_cat_fk FOREIGN KEY (cat_id) REFERENCES cats (id);
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY201
ALTER TABLE items ADD CONSTRAINT items_qty_check CHECK (qty >= 0);
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY203
ALTER TABLE items ADD COLUMN qty2 bigint AS (qty * 2) PERSISTENT;
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE items ADD COLUMN qty3 bigint AS (qty * 3) VIRTUAL;
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes codes=MY206
ALTER TABLE cats CONVERT TO CHARACTER SET utf8mb4;
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE items WAIT 5 ADD COLUMN waited int;
-- @expect lock=INPLACE,LOCK=NONE rewrite=yes scan=no codes=MY208
ALTER TABLE items FORCE;
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE items ALTER COLUMN qty SET DEFAULT 1;
-- A utf8mb4 varchar of at most 127 bytes (31 characters) grows past 255 bytes INSTANT; from 128 bytes it is copied.
-- @expect lock=INSTANT rewrite=no scan=no online=ALGORITHM=INSTANT codes=
ALTER TABLE items MODIFY short31 varchar(64);
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes online=- codes=MY201
ALTER TABLE items MODIFY short32 varchar(64);
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE items MODIFY code127 varchar(300) CHARACTER SET latin1;
-- Defaults of literals, time and session functions stay INSTANT; uuid() or a column reference copies the table.
-- @expect lock=INSTANT rewrite=no scan=no online=ALGORITHM=INSTANT codes=
ALTER TABLE items ADD COLUMN made datetime DEFAULT (now());
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE items ADD COLUMN luck double DEFAULT (rand());
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes online=- codes=MY201
ALTER TABLE items ADD COLUMN token char(36) DEFAULT (uuid());
-- @expect lock=COPY,LOCK=SHARED rewrite=yes scan=yes online=- codes=MY201
ALTER TABLE items ADD COLUMN qty_next int DEFAULT (qty + 1);
-- @expect lock=INSTANT rewrite=no scan=no breaks=yes codes=UW010
RENAME TABLE cats TO categories;
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE items DROP FOREIGN KEY items_cat_fk;
-- @expect lock=metadata_lock_(exclusive) rewrite=no scan=no breaks=yes codes=UW012
DROP TABLE categories;

-- @file V3__mariadb_10_3.sql
-- @version 10.3.7
-- @expect lock=INPLACE,LOCK=NONE rewrite=yes scan=no codes=MY208
ALTER TABLE items ADD COLUMN first103 int FIRST;
-- @expect lock=INSTANT rewrite=no scan=no codes=
ALTER TABLE items ADD COLUMN last103 int;
-- @expect lock=INPLACE,LOCK=NONE rewrite=yes scan=no breaks=yes codes=MY208,UW013
ALTER TABLE items DROP COLUMN first103;

-- @file V4__mariadb_10_2.sql
-- @version 10.2.40
-- @expect lock=INPLACE,LOCK=NONE rewrite=yes scan=no codes=MY208
ALTER TABLE items ADD COLUMN last102 int;
