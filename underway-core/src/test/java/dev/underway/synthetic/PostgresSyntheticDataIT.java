package dev.underway.synthetic;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresSyntheticDataIT extends SyntheticDataScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    String schema() {
        return "public";
    }

    @Override
    List<String> feelings() {
        return List.of("sad", "ok", "it's");
    }

    @Override
    void createTables() throws SQLException {
        exec("CREATE TYPE mood AS ENUM ('sad', 'ok', 'it''s')",
                "CREATE DOMAIN short_code AS varchar(12)",
                "CREATE TABLE parent (id int PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE wide (id bigint PRIMARY KEY, code short_code NOT NULL UNIQUE, small smallint NOT NULL,"
                        + " price numeric(8, 2) NOT NULL, ratio double precision NOT NULL, flag boolean NOT NULL,"
                        + " fixed char(3) NOT NULL, note text NOT NULL, born date NOT NULL, at time NOT NULL,"
                        + " seen timestamp NOT NULL, seen_tz timestamptz NOT NULL, token uuid NOT NULL, doc jsonb NOT NULL,"
                        + " blob bytea NOT NULL, feeling mood NOT NULL, addr inet NOT NULL,"
                        + " status text NOT NULL CHECK (status IN ('new', 'active')),"
                        + " parent_id int NOT NULL REFERENCES parent (id), created timestamptz NOT NULL DEFAULT now(),"
                        + " serial_no bigserial, gen int GENERATED ALWAYS AS (small * 2) STORED, tags text[])",
                "CREATE TABLE picky (id int PRIMARY KEY, n int NOT NULL CHECK (n < 0))",
                "CREATE TABLE odd (id int PRIMARY KEY, p point NOT NULL)");
    }

    @Test
    void unsupportedNullableColumnsAreNullAndCopyEscapesAwkwardText() throws SQLException {
        SyntheticData.fill(c, dialect, Map.of(table("wide"), 300L), 10);
        assertThat(count("SELECT count(*) FROM wide WHERE tags IS NOT NULL")).isZero();
        assertThat(count("SELECT count(*) FROM wide WHERE blob = ''::bytea")).isZero();
        StringBuilder b = new StringBuilder();
        dev.underway.dialect.postgres.CopyText.append(b, "a\tb\\c\nd\re");
        assertThat(b.toString()).isEqualTo("a\\tb\\\\c\\nd\\re");
    }
}
