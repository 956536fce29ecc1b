package dev.underway.op;

import dev.underway.Underway;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static dev.underway.op.VersionedDatabase.exec;
import static dev.underway.op.VersionedDatabase.one;
import static dev.underway.op.VersionedDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync trigger decides the direction from the schemas a session resolves, not from an
 * exact search_path string (pgroll's weakness): extra entries, quoted names with spaces and
 * capitals, RETURNING, multi-row inserts, batches and ON CONFLICT all write the right way.
 */
class SyncDirectionIT {
    private static final String SCHEMA = "My App";
    private static final String V2 = "My App_v2";
    private TestDatabase db;

    @BeforeEach
    void setUp() throws SQLException {
        db = TestDatabases.postgres();
        try (Connection c = db.connect()) {
            exec(c, "CREATE SCHEMA \"" + SCHEMA + "\"");
            exec(c, "CREATE TABLE \"" + SCHEMA + "\".accounts (id int PRIMARY KEY, \"Balance\" text)");
            exec(c, "INSERT INTO \"" + SCHEMA + "\".accounts VALUES (1, '100')");
        }
        Underway uw = Underway.builder().url(db.url()).user(db.user()).password(db.password()).schema(SCHEMA).build();
        uw.expandContract(null, null).start(YamlMigration.parse("V2__balance.yaml", """
                operations:
                  - alter_column:
                      table: accounts
                      column: Balance
                      name: balance_cents
                      type: bigint
                      up: CAST("Balance" AS bigint) * 100
                      down: CAST(balance_cents / 100 AS text)
                """));
    }

    private Connection session(String searchPath) throws SQLException {
        Connection c = db.connect();
        exec(c, "SET search_path = " + searchPath);
        return c;
    }

    private String oldBalance(int id) throws SQLException {
        try (Connection c = session("\"" + SCHEMA + "\"")) {
            return one(c, "SELECT \"Balance\" FROM accounts WHERE id = " + id);
        }
    }

    private String newBalance(int id) throws SQLException {
        try (Connection c = session("\"" + V2 + "\"")) {
            return one(c, "SELECT balance_cents FROM accounts WHERE id = " + id);
        }
    }

    @Test
    void theNewVersionWritesDownWhateverElseIsOnItsSearchPath() throws SQLException {
        String[] paths = {"\"" + V2 + "\"", "\"" + V2 + "\", \"" + SCHEMA + "\"", "\"$user\", \"" + V2 + "\", public",
                "nonexistent, \"" + V2 + "\", pg_catalog, \"" + SCHEMA + "\""};
        for (int i = 0; i < paths.length; i++) {
            int id = 10 + i;
            try (Connection c = session(paths[i])) {
                assertThat(one(c, "INSERT INTO accounts (id, balance_cents) VALUES (" + id + ", 1250) RETURNING balance_cents"))
                        .isEqualTo("1250");
            }
            assertThat(oldBalance(id)).as("written with search_path %s", paths[i]).isEqualTo("12");
        }
    }

    @Test
    void theOldVersionWritesUpEvenWhenTheNewSchemaComesLater() throws SQLException {
        try (Connection c = session("\"" + SCHEMA + "\", \"" + V2 + "\"")) {
            exec(c, "INSERT INTO accounts (id, \"Balance\") VALUES (20, '7')");
        }
        try (Connection c = session("\"" + SCHEMA + "\"")) {
            exec(c, "UPDATE accounts SET \"Balance\" = '8' WHERE id = 1");
        }
        assertThat(newBalance(20)).isEqualTo("700");
        assertThat(newBalance(1)).isEqualTo("800");
    }

    @Test
    void batchesMultiRowInsertsAndOnConflictThroughTheNewVersion() throws SQLException {
        try (Connection c = session("\"" + V2 + "\", public")) {
            exec(c, "INSERT INTO accounts (id, balance_cents) VALUES (30, 100), (31, 200), (32, 300)");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO accounts (id, balance_cents) VALUES (?, ?)")) {
                for (int i = 40; i < 45; i++) {
                    ps.setInt(1, i);
                    ps.setLong(2, i * 100L);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            assertThat(one(c, "INSERT INTO accounts (id, balance_cents) VALUES (30, 999900) ON CONFLICT (id)"
                    + " DO UPDATE SET balance_cents = excluded.balance_cents RETURNING balance_cents")).isEqualTo("999900");
        }
        assertThat(oldBalance(30)).isEqualTo("9999");
        assertThat(oldBalance(31)).isEqualTo("2");
        assertThat(oldBalance(44)).isEqualTo("44");
        try (Connection c = session("\"" + SCHEMA + "\"")) {
            exec(c, "INSERT INTO accounts (id, \"Balance\") VALUES (31, '5') ON CONFLICT (id) DO UPDATE SET \"Balance\" ="
                    + " excluded.\"Balance\"");
        }
        assertThat(newBalance(31)).isEqualTo("500");
    }

    @Test
    void backfilledRowsAndTheBaseSchemaCountAsTheOldVersion() throws SQLException {
        assertThat(newBalance(1)).isEqualTo("10000");
        try (Connection c = db.connect()) {
            assertThat(rows(c, "SELECT current_schemas(false)::text")).containsExactly("{public}");
            exec(c, "UPDATE \"" + SCHEMA + "\".accounts SET \"Balance\" = '3' WHERE id = 1");
        }
        assertThat(newBalance(1)).isEqualTo("300");
    }
}
