-- Every construct psql splits specially, run on a real server: if the splitter cut a statement in
-- the wrong place, the server would refuse a fragment or the rows below would differ.
-- Statement numbers (s1, s2, ...) are counted in PostgresMigrateIT.
CREATE TABLE torture (id int PRIMARY KEY, label text NOT NULL); -- s1; a trailing comment; with semicolons

-- a line comment; with a semicolon ; and a 'quote that never closes
/* a block comment /* nested; with a ' quote */ still inside; "and a double quote */
INSERT INTO torture VALUES (1, 'it''s; a "semicolon"'); -- s2

INSERT INTO torture VALUES (2, E'escaped \' quote; and a \\ backslash'); -- s3

INSERT INTO torture VALUES (3, 'the terminator is on the next line') -- a comment; before it
; -- s4

CREATE TABLE "Quoted;Table" ("we;ird ""col""" int); -- s5
INSERT INTO "Quoted;Table" VALUES (7); -- s6

CREATE FUNCTION semis() RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    -- a comment in the body; with a semicolon
    RETURN 'a;b' || ';c'; /* and a block comment; too */
END;
$$; -- s7

CREATE FUNCTION tagged() RETURNS text LANGUAGE sql AS $body$
    SELECT 'x$$y; z'::text;
$body$; -- s8

CREATE FUNCTION atomic_add(a int, b int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
    SELECT a + b;
END; -- s9

CREATE FUNCTION atomic_sign(n int) RETURNS text LANGUAGE sql
BEGIN ATOMIC
    SELECT CASE WHEN n > 0 THEN 'positive;' ELSE 'not positive;' END;
END; -- s10

CREATE PROCEDURE add_pair(l text) LANGUAGE sql BEGIN ATOMIC INSERT INTO torture VALUES (10, l); INSERT INTO torture VALUES (11, l || '!'); END; -- s11
CALL add_pair('from; a procedure'); -- s12

INSERT INTO torture SELECT 4, semis() || tagged(); -- s13
