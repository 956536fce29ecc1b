package dev.underway.backfill;

import dev.underway.dialect.BatchSql;
import dev.underway.migration.BackfillCheckpoint;
import dev.underway.migration.QualifiedName;
import dev.underway.state.BackfillStateTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A catch-up pass by physical page ranges (PostgreSQL 14+): each batch reads a range of pages
 * sequentially, collects the keys of rows that differ from their expressions and changes just
 * those, by key, in the same short transaction as its checkpoint (whose last key is then the
 * next page). Rows the application moves or inserts while the pass runs may land behind it;
 * that is within the guarantee (writes made during the last pass are not covered) and the
 * next pass sees them. A table rewritten meanwhile (VACUUM FULL, CLUSTER) has new page
 * numbers, so such a pass never counts as clean.
 */
final class PageWalk {
    private static final int KEYS_PER_UPDATE = 500;

    private final CheckedBackfill plan;
    private final BackfillStateTable state;
    private final BatchSql.PageRanges pages;

    PageWalk(CheckedBackfill plan, BackfillStateTable state, BatchSql.PageRanges pages) {
        this.plan = plan;
        this.state = state;
        this.pages = pages;
    }

    /** The table's storage token, to compare before and after the pass. */
    long storage(Connection c, QualifiedName target) throws SQLException {
        c.setAutoCommit(true);
        return pages.storage(c, target.render(plan.statements().dialect()));
    }

    /**
     * @param nextPage the first page after this batch
     * @param walked   the rows on its pages, estimated from the table's rows per page
     */
    record Outcome(long nextPage, long walked, int changed, long millis, long lockMillis) {
    }

    /** One batch over pages {@code [from, from + count)}; null when {@code from} is past the table's end. */
    Outcome batch(Connection c, QualifiedName target, long from, int count, long tableRows, BackfillCheckpoint done)
            throws SQLException {
        BatchStatements s = plan.statements();
        long start = System.nanoTime();
        c.setAutoCommit(false);
        try {
            long total = pages.pages(c, target.render(s.dialect()));
            if (from >= total) {
                c.commit();
                return null;
            }
            long to = from + count;
            List<List<String>> keys = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(s.differingOnPages(target))) {
                pages.bind(ps, 1, from);
                pages.bind(ps, 2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(s.readKey(rs));
                    }
                }
            }
            long lockStart = System.nanoTime();
            int changed = 0;
            for (int i = 0; i < keys.size(); i += KEYS_PER_UPDATE) {
                List<List<String>> chunk = keys.subList(i, Math.min(keys.size(), i + KEYS_PER_UPDATE));
                try (PreparedStatement ps = c.prepareStatement(s.updateKeys(target, chunk.size()))) {
                    s.bindKeys(ps, 1, chunk);
                    changed += ps.executeUpdate();
                }
            }
            long walked = Math.round((double) (Math.min(to, total) - from) * tableRows / Math.max(1, total));
            state.save(c, plan.name(), new BackfillCheckpoint(done.pass(), target.toString(), List.of(Long.toString(to)),
                    done.rowsDone() + walked, done.rowsChanged() + changed, done.batches() + 1));
            c.commit();
            return new Outcome(to, walked, changed, (System.nanoTime() - start) / 1_000_000,
                    (System.nanoTime() - lockStart) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // The batch failed already; a broken session rolls back by itself.
            }
            throw e;
        }
    }
}
