package dev.underway.op;

import dev.underway.Underway;
import dev.underway.testkit.Sql;
import dev.underway.Phases;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A fresh PostgreSQL database with the two applications of an expand/contract migration: the
 * "old app" (its search_path is the old version: the base schema) and the "new app" (the new
 * version schema first, then the base schema, as real applications often set it).
 */
final class VersionedDatabase implements AutoCloseable {
    final TestDatabase db = TestDatabases.postgres();
    final Connection admin;
    final Connection old;
    final Connection next;

    VersionedDatabase(String newSchema) throws SQLException {
        admin = db.connect();
        old = db.connect();
        next = db.connect();
        exec(next, "SET search_path = \"" + newSchema + "\", public");
    }

    Underway.Builder builder() {
        return Underway.builder().url(db.url()).user(db.user()).password(db.password())
                .lockRetryFor(java.time.Duration.ofSeconds(30));
    }

    Underway underway() {
        return builder().build();
    }

    Phases expandContract() {
        return underway().expandContract(null, null);
    }

    static void exec(Connection c, String sql) throws SQLException {
        Sql.exec(c, sql);
    }

    static String one(Connection c, String sql) throws SQLException {
        return Sql.value(c, sql);
    }

    /** Every row of a query, columns joined with '|', rows in query order. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        return Sql.lines(c, "|", sql);
    }

    /** The columns of a relation (table or view) in a schema, in order. */
    List<String> columns(String schema, String relation) throws SQLException {
        return rows(admin, "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass('\"" + schema + "\".\"" + relation
                + "\"') AND attnum > 0 AND NOT attisdropped ORDER BY attnum");
    }

    boolean schemaExists(String schema) throws SQLException {
        return one(admin, "SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'").equals("1");
    }

    @Override
    public void close() throws SQLException {
        admin.close();
        old.close();
        next.close();
    }
}
