package dev.underway.backfill;

import dev.underway.migration.BackfillCheckpoint;
import dev.underway.migration.QualifiedName;
import dev.underway.state.BackfillStateTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One batch in its own short transaction: find the upper key, update the rows in
 * {@code (lower, upper]}, save the checkpoint, commit. The checkpoint commits with the rows,
 * so a crash at any point leaves either both or neither.
 */
final class BatchTransaction {
    /**
     * @param upper    the last key of the batch, or null when no rows remain after {@code lower}
     * @param walked   rows in the key range (exact except for the last, shorter batch, where the changed count stands in)
     * @param millis   the whole transaction
     * @param lockMillis from the UPDATE until the commit: how long row locks were held
     */
    record Outcome(List<String> upper, int walked, int changed, long millis, long lockMillis) {
    }

    private final CheckedBackfill plan;
    private final BackfillStateTable state;

    BatchTransaction(CheckedBackfill plan, BackfillStateTable state) {
        this.plan = plan;
        this.state = state;
    }

    /** Runs one batch; the caller rolls back and retries on a transient error. */
    Outcome run(Connection c, QualifiedName target, List<String> lower, int size, boolean catchUp,
                BackfillCheckpoint done) throws SQLException {
        BatchStatements s = plan.statements();
        long start = System.nanoTime();
        c.setAutoCommit(false);
        try {
            Range range = catchUp ? scan(c, target, lower, size) : range(c, target, lower, size);
            if (range == null) {
                c.commit();
                return new Outcome(null, 0, 0, millisSince(start), 0);
            }
            List<String> upper = range.upper();
            long lockStart = System.nanoTime();
            int changed = 0;
            if (range.differing() != 0) {
                try (PreparedStatement ps = c.prepareStatement(s.update(target, lower != null, catchUp))) {
                    int i = lower != null ? s.bindAfter(ps, 1, lower) : 1;
                    s.bindAtMost(ps, i, upper);
                    changed = ps.executeUpdate();
                }
            }
            int walked = range.walked() >= 0 ? range.walked() : changed;
            state.save(c, plan.name(), new BackfillCheckpoint(done.pass(), target.toString(), upper,
                    done.rowsDone() + walked, done.rowsChanged() + changed, done.batches() + 1));
            c.commit();
            return new Outcome(upper, walked, changed, millisSince(start), millisSince(lockStart));
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // The batch failed already; a broken session rolls back by itself.
            }
            throw e;
        }
    }

    /** Rows in {@code (lower, upper]} that still differ from their expressions, right after a batch changed them. */
    long differing(Connection c, QualifiedName target, List<String> lower, List<String> upper) throws SQLException {
        BatchStatements s = plan.statements();
        c.setAutoCommit(true);
        try (PreparedStatement ps = c.prepareStatement(s.countDiffering(target, lower != null))) {
            int i = lower != null ? s.bindAfter(ps, 1, lower) : 1;
            s.bindAtMost(ps, i, upper);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * @param walked    rows in the range, or -1 when unknown (the sweep's last batch: its changed count stands in)
     * @param differing rows to change: -1 when unknown (the sweep changes them all), 0 when none
     */
    private record Range(List<String> upper, int walked, long differing) {
    }

    /** The sweep's range: the key {@code size} rows on, or the last key when fewer remain. */
    private Range range(Connection c, QualifiedName target, List<String> lower, int size) throws SQLException {
        BatchStatements s = plan.statements();
        List<String> upper = key(c, s.boundary(target, lower != null), lower, size - 1);
        if (upper != null) {
            return new Range(upper, size, -1);
        }
        upper = key(c, s.lastKey(target, lower != null), lower, -1);
        return upper == null ? null : new Range(upper, -1, -1);
    }

    private Range scan(Connection c, QualifiedName target, List<String> lower, int size) throws SQLException {
        BatchStatements s = plan.statements();
        try (PreparedStatement ps = c.prepareStatement(s.catchUpScan(target, lower != null))) {
            int i = lower != null ? s.bindAfter(ps, 1, lower) : 1;
            ps.setLong(i, size);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Range(s.readKey(rs), rs.getInt(s.keySize() + 1), rs.getLong(s.keySize() + 2));
            }
        }
    }

    private List<String> key(Connection c, String sql, List<String> lower, long offset) throws SQLException {
        BatchStatements s = plan.statements();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = lower != null ? s.bindAfter(ps, 1, lower) : 1;
            if (offset >= 0) {
                ps.setLong(i, offset);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? s.readKey(rs) : null;
            }
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
