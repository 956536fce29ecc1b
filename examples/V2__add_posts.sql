-- A second table, referencing the first. Its index is built in the same migration, before any
-- application writes to it, so the short lock it takes blocks nobody.
CREATE TABLE posts (
    id      bigint       NOT NULL PRIMARY KEY,
    user_id bigint       NOT NULL,
    title   varchar(200) NOT NULL,
    CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
);

-- PostgreSQL does not index a foreign key by itself; MySQL/MariaDB use this index for it too.
CREATE INDEX posts_user_id_idx ON posts (user_id);

INSERT INTO posts (id, user_id, title) VALUES
    (1, 1, 'Notes on the Analytical Engine'),
    (2, 1, 'On Bernoulli numbers'),
    (3, 2, 'Compilers for everyone');
