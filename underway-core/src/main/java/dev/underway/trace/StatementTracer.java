package dev.underway.trace;

import dev.underway.dialect.Redaction;
import dev.underway.dialect.SessionProbe;
import dev.underway.dialect.postgres.PostgresSessionProbe;
import dev.underway.report.Observation;
import dev.underway.report.ObservedLock;
import dev.underway.report.PgLock;
import dev.underway.trace.RelationSnapshot.Relation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one statement on a scratch PostgreSQL and observes what it really does: the relation
 * locks of its backend ({@code pg_locks}), which relations got a new {@code relfilenode}, which
 * tables it scanned, and how long it took.
 *
 * <p>A statement that can run in a transaction runs in one, and its locks are read from its own
 * session before COMMIT (locks are held to the end of the transaction, so none is missed). One
 * that cannot ({@code CONCURRENTLY}, {@code VACUUM}) runs in autocommit while a second session
 * holds SHARE UPDATE EXCLUSIVE on its table, so it has to queue for its lock; a third session
 * reads the queued request from {@code pg_locks}, then the second lets it go and sampling goes on
 * until it ends. Library code, so that rehearsals can reuse it.
 */
public final class StatementTracer {
    private static final long SAMPLE_MILLIS = 5;
    private static final long WAIT_LIMIT_MILLIS = 30_000;
    private static final SessionProbe PROBE = new PostgresSessionProbe();

    private final ConnectionSource connections;

    /** Opens new connections to the scratch database (for the blocker and the sampler). */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    public StatementTracer(ConnectionSource connections) {
        this.connections = connections;
    }

    /** Traces a statement that may run in a transaction block, on {@code session} (left in autocommit). */
    public Observation traceInTransaction(Connection session, String sql) throws SQLException {
        session.setAutoCommit(false);
        try {
            RelationSnapshot before = RelationSnapshot.take(session);
            Map<String, Long> scansBefore = PostgresSessionProbe.sequentialScans(session);
            long start = System.nanoTime();
            try (Statement s = session.createStatement()) {
                s.setEscapeProcessing(false);
                s.execute(sql);
            } catch (SQLException e) {
                session.rollback();
                return failed(e, start);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            Map<Long, Lock> locks = new LinkedHashMap<>();
            sample(session, PostgresSessionProbe.backendPid(session), locks);
            RelationSnapshot after = RelationSnapshot.take(session);
            List<String> scanned = scannedSince(scansBefore, PostgresSessionProbe.sequentialScans(session)).stream().filter(before::hasName).toList();
            session.commit();
            return new Observation(resolve(locks, before, after), rewritten(before, after), scanned, before.names(), millis,
                    null);
        } finally {
            session.setAutoCommit(true);
        }
    }

    /**
     * Traces a statement that cannot run in a transaction block. {@code table}, when given and existing, is held
     * by a blocker so the statement's lock request can be seen while it queues.
     */
    public Observation traceOutsideTransaction(Connection session, String sql, String table) throws SQLException {
        session.setAutoCommit(true);
        RelationSnapshot before = RelationSnapshot.take(session);
        int pid = PostgresSessionProbe.backendPid(session);
        Map<Long, Lock> locks = new LinkedHashMap<>();
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "underway-trace"));
        try (Connection sampler = connections.open();
             Connection blocker = table != null && before.hasName(table) ? connections.open() : null) {
            if (blocker != null) {
                blocker.setAutoCommit(false);
                PostgresSessionProbe.holdShareUpdateExclusive(blocker, table);
            }
            long start = System.nanoTime();
            Future<SQLException> run = runner.submit(() -> {
                try (Statement s = session.createStatement()) {
                    s.setEscapeProcessing(false);
                    s.execute(sql);
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            long blockedMillis = 0;
            if (blocker != null) {
                long waitStart = System.nanoTime();
                while (!run.isDone() && !waitingForLock(sampler, pid) && elapsedMillis(waitStart) < WAIT_LIMIT_MILLIS) {
                    sleep();
                }
                sample(sampler, pid, locks);
                blockedMillis = elapsedMillis(start);
                blocker.commit();
            }
            while (!run.isDone()) {
                sample(sampler, pid, locks);
                sleep();
            }
            SQLException error = run.get();
            if (error != null) {
                return failed(error, start);
            }
            long millis = Math.max(0, elapsedMillis(start) - blockedMillis);
            RelationSnapshot after = RelationSnapshot.take(session);
            return new Observation(resolve(locks, before, after), rewritten(before, after), null, before.names(), millis,
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while tracing", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new SQLException("tracing failed", e.getCause());
        } finally {
            runner.shutdownNow();
        }
    }

    private record Lock(PgLock mode, boolean granted) {
    }

    private static Observation failed(SQLException e, long start) {
        return new Observation(List.of(), List.of(), null, java.util.Set.of(), elapsedMillis(start),
                Redaction.message(e));
    }

    /** The relation locks of backend {@code pid}, strongest per relation, read through the dialect's probe. */
    private static void sample(Connection c, int pid, Map<Long, Lock> into) throws SQLException {
        for (SessionProbe.Lock l : PROBE.locksOf(c, pid)) {
            if (l.relationId() != 0) {
                Lock lock = new Lock(PgLock.fromLabel(l.mode()), l.granted());
                into.merge(l.relationId(), lock, (x, y) -> x.mode().compareTo(y.mode()) >= 0 ? x : y);
            }
        }
    }

    private static boolean waitingForLock(Connection sampler, int pid) throws SQLException {
        return PROBE.locksOf(sampler, pid).stream().anyMatch(l -> !l.granted());
    }

    private static List<ObservedLock> resolve(Map<Long, Lock> locks, RelationSnapshot before, RelationSnapshot after) {
        List<ObservedLock> out = new ArrayList<>();
        locks.forEach((oid, lock) -> {
            Relation r = before.get(oid) != null ? before.get(oid) : after.get(oid);
            if (r != null) {
                out.add(new ObservedLock(r.name(), r.kind(), lock.mode(), before.get(oid) != null, lock.granted()));
            }
        });
        return out;
    }

    /**
     * Relations whose data went to a new file: the same relation with a new relfilenode, or (REINDEX CONCURRENTLY,
     * index rebuilds after a type change) a relation of the same name and kind that replaced it with a new file.
     */
    private static List<String> rewritten(RelationSnapshot before, RelationSnapshot after) {
        List<String> out = new ArrayList<>();
        before.byOid().forEach((oid, r) -> {
            Relation now = after.get(oid);
            if (now == null) {
                now = after.byOid().values().stream().filter(a -> a.name().equals(r.name()) && a.kind() == r.kind())
                        .findFirst().orElse(null);
            }
            if (now != null && r.relfilenode() != 0 && now.relfilenode() != r.relfilenode()) {
                out.add(r.name());
            }
        });
        out.sort(String::compareTo);
        return out;
    }

    private static List<String> scannedSince(Map<String, Long> before, Map<String, Long> after) {
        List<String> out = new ArrayList<>();
        after.forEach((table, n) -> {
            if (n > before.getOrDefault(table, 0L)) {
                out.add(table);
            }
        });
        out.sort(String::compareTo);
        return out;
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void sleep() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
    }
}
