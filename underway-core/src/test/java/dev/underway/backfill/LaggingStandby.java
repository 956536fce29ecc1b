package dev.underway.backfill;

import dev.underway.testkit.TestDatabase;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A physical replication client that the primary lists in {@code pg_stat_replication} like a
 * standby. It receives the WAL and reports as replayed only what it received {@link #delay} ago,
 * so the primary measures a real {@code replay_lag} of about that much. Setting the delay to
 * zero lets it catch up.
 */
final class LaggingStandby implements AutoCloseable {
    private final Connection replication;
    private final PGReplicationStream stream;
    private final Thread thread;
    private volatile Duration delay;
    private volatile boolean stop;

    private record Received(long nanos, LogSequenceNumber lsn) {
    }

    LaggingStandby(TestDatabase db, Duration delay) throws SQLException {
        this.delay = delay;
        LogSequenceNumber start;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()")) {
            rs.next();
            start = LogSequenceNumber.valueOf(rs.getString(1));
        }
        Properties p = new Properties();
        PGProperty.USER.set(p, db.user());
        if (db.password() != null) {
            PGProperty.PASSWORD.set(p, db.password());
        }
        PGProperty.REPLICATION.set(p, "true");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(p, "9.4");
        PGProperty.PREFER_QUERY_MODE.set(p, "simple");
        replication = DriverManager.getConnection(db.url(), p);
        stream = replication.unwrap(PGConnection.class).getReplicationAPI().replicationStream().physical()
                .withStartPosition(start).withStatusInterval(100, TimeUnit.MILLISECONDS).start();
        thread = new Thread(this::receive, "lagging-standby");
        thread.setDaemon(true);
        thread.start();
    }

    void delay(Duration d) {
        delay = d;
    }

    private void receive() {
        Deque<Received> received = new ArrayDeque<>();
        try {
            while (!stop) {
                if (stream.readPending() == null) {
                    Thread.sleep(10);
                }
                long now = System.nanoTime();
                LogSequenceNumber last = stream.getLastReceiveLSN();
                if (received.isEmpty() || !received.peekLast().lsn().equals(last)) {
                    received.addLast(new Received(now, last));
                }
                LogSequenceNumber replayed = null;
                while (!received.isEmpty() && now - received.peekFirst().nanos() >= delay.toNanos()) {
                    replayed = received.pollFirst().lsn();
                }
                if (replayed != null) {
                    stream.setFlushedLSN(replayed);
                    stream.setAppliedLSN(replayed);
                }
            }
        } catch (SQLException e) {
            if (!stop) {
                throw new IllegalStateException("the lagging standby's stream failed", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        stop = true;
        thread.join(5000);
        stream.close();
        replication.close();
    }
}
