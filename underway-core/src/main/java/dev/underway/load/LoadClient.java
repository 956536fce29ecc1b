package dev.underway.load;

import dev.underway.Interruption;
import dev.underway.dialect.Dialect;
import dev.underway.report.QueryKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * One simulated application connection: picks a table and a query kind, runs it in autocommit,
 * records start, end and outcome, and paces itself to its share of the rate. A blocked client
 * does not queue up the queries it missed; the stall and the dip in queries per second show them.
 * A lost connection is reopened; the failed attempt counts as an error.
 */
final class LoadClient implements Runnable {
    private final LoadGenerator.Shared shared;
    private final Dialect dialect;
    private final List<TableWorkload> tables;
    private final QueryLog log;
    private final SplittableRandom random;
    private final long intervalNanos;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private Connection connection;
    private int schemaGeneration;
    private volatile PreparedStatement running;
    /** The schema generation this client's session uses, for a switch to wait on. */
    private volatile int applied;

    LoadClient(LoadGenerator.Shared shared, Connection connection, QueryLog log, long seed) {
        this.shared = shared;
        this.dialect = shared.dialect;
        this.tables = shared.tables;
        this.connection = connection;
        this.log = log;
        this.random = new SplittableRandom(seed);
        double perClient = shared.spec.ratePerSecond() / shared.spec.clients();
        this.intervalNanos = perClient <= 0 ? 0 : (long) (1e9 / perClient);
        this.schemaGeneration = shared.schemaGeneration();
        this.applied = schemaGeneration;
    }

    @Override
    public void run() {
        shared.awaitStart();
        long next = shared.elapsedNanos();
        while (shared.running()) {
            if (shared.schemaGeneration() != schemaGeneration) {
                switchSchema();
            }
            if (intervalNanos > 0) {
                long now = shared.elapsedNanos();
                if (next > now) {
                    LockSupport.parkNanos(next - now);
                    if (!shared.running()) {
                        break;
                    }
                    continue;
                }
                next = Math.max(next + intervalNanos, now);
            }
            runOne();
        }
        closeQuietly();
    }

    private void runOne() {
        int t = random.nextInt(tables.size());
        TableWorkload table = tables.get(t);
        QueryKind kind = shared.spec.mix().pick(random);
        if (!table.supports(kind)) {
            kind = QueryKind.INSERT;
        }
        long start = shared.elapsedNanos();
        int outcome = 0;
        try {
            ensureConnection();
            switch (kind) {
                case READ -> read(table);
                case INSERT -> insert(table);
                case UPDATE -> update(table);
            }
        } catch (SQLException e) {
            // A query cancelled by SIGINT/SIGTERM stopped with the load; it says nothing about the migration.
            boolean stopped = shared.stopping() || Interruption.process().requested();
            outcome = stopped ? shared.errors.id(ErrorCatalog.STOPPED, "the load stopped while the query waited")
                    : shared.errors.id(e);
            if (isConnectionLost(e)) {
                closeQuietly();
            }
        } finally {
            running = null;
        }
        log.append(start, shared.elapsedNanos(), kind, t, outcome);
    }

    private void read(TableWorkload table) throws SQLException {
        String[] key = table.keys.pick(random);
        if (key == null) {
            insert(table);
            return;
        }
        PreparedStatement ps = statement(table.readSql);
        table.bindKey(ps, 1, key);
        running = ps;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    private void insert(TableWorkload table) throws SQLException {
        long row = table.nextRowNumber();
        String[] values = table.rows.values(row, random);
        PreparedStatement ps = statement(table.insertSql);
        table.rows.bind(ps, 1, values);
        running = ps;
        ps.executeUpdate();
        table.keys.inserted(table.keyOf(values));
    }

    private void update(TableWorkload table) throws SQLException {
        String[] key = table.keys.pick(random);
        if (key == null) {
            insert(table);
            return;
        }
        List<String> columns = table.rows.updatableColumns();
        String column = columns.get(random.nextInt(columns.size()));
        PreparedStatement ps = statement(table.updateSql.get(column));
        table.rows.bindOne(ps, 1, column, table.rows.valueFor(column, table.nextRowNumber(), random));
        table.bindKey(ps, 2, key);
        running = ps;
        ps.executeUpdate();
    }

    /** The statement for this SQL on the current connection, prepared once per connection and schema. */
    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        return ps;
    }

    /** Reconnects after a lost connection and follows a switch of the application's schema. */
    private void ensureConnection() throws SQLException {
        if (connection == null) {
            connection = shared.open();
            schemaGeneration = -1;
        }
        int generation = shared.schemaGeneration();
        if (generation != schemaGeneration) {
            closeStatements();
            dialect.schemas().use(connection, shared.schema());
            schemaGeneration = generation;
            applied = generation;
        }
    }

    /** Follows a schema switch between queries; a failure here is retried before the next query. */
    private void switchSchema() {
        try {
            ensureConnection();
        } catch (SQLException e) {
            closeQuietly();
        }
    }

    private static boolean isConnectionLost(SQLException e) {
        return e.getSQLState() != null && (e.getSQLState().startsWith("08") || e.getSQLState().equals("57P01"));
    }

    int appliedGeneration() {
        return applied;
    }

    /** Cancels the query this client is waiting for, if any (used when the load stops). */
    void cancel() {
        PreparedStatement ps = running;
        if (ps != null) {
            try {
                ps.cancel();
            } catch (SQLException ignored) {
                // It ended meanwhile, or the connection is gone: either way it stops waiting.
            }
        }
    }

    private void closeStatements() {
        for (PreparedStatement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing a statement of a connection that may be gone
            }
        }
        prepared.clear();
    }

    private void closeQuietly() {
        closeStatements();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is already broken
            }
            connection = null;
        }
    }
}
