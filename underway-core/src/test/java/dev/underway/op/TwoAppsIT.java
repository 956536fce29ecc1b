package dev.underway.op;

import dev.underway.Underway;
import dev.underway.Phases;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.underway.op.VersionedDatabase.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An "old app" and a "new app" write continuously while one column is renamed, retyped (text
 * to integer with up/down) and made NOT NULL: no application statement fails, and the final
 * data is exactly what both applications wrote.
 */
class TwoAppsIT {
    private static final int INITIAL = 5_000;
    private final Map<Long, Integer> expected = new ConcurrentHashMap<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    /**
     * One application: inserts its own rows and updates random rows until stopped: its own, and rows of the initial
     * data (which the backfill is copying meanwhile): odd ids for the old version, even ones for the new, so that no
     * two applications race on one row and the expected value of every row stays known. Once the other application
     * stopped ({@code everyRow}), any row, the other's included.
     */
    private final class App extends Thread {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong statements = new AtomicLong();
        private final TestDatabase db;
        private final boolean newVersion;
        private final long firstId;
        volatile long next;
        volatile App other;

        App(TestDatabase db, boolean newVersion, long firstId) {
            this.db = db;
            this.newVersion = newVersion;
            this.firstId = firstId;
        }

        private long updateTarget(ThreadLocalRandom random) {
            App o = other;
            int pick = random.nextInt(3);
            if (pick == 0) {
                return firstId + random.nextLong(next - firstId);
            }
            if (pick == 1 && o != null && o.next > o.firstId) {
                return o.firstId + random.nextLong(o.next - o.firstId);
            }
            if (o != null) {
                return 1 + random.nextLong(INITIAL);
            }
            // Odd initial rows for the old version, even ones for the new.
            long pair = 1 + random.nextLong(INITIAL / 2);
            return newVersion ? 2 * pair : 2 * pair - 1;
        }

        @Override
        public void run() {
            try (Connection c = db.connect()) {
                exec(c, newVersion ? "SET search_path = public_v2, public" : "SET search_path = public");
                String column = newVersion ? "quantity" : "qty";
                PreparedStatement insert = c.prepareStatement("INSERT INTO items (id, " + column + ") VALUES (?, ?)"
                        + " RETURNING id");
                PreparedStatement update = c.prepareStatement("UPDATE items SET " + column + " = ? WHERE id = ?");
                next = firstId;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    boolean doInsert = next == firstId || random.nextInt(3) == 0;
                    long id = doInsert ? next++ : updateTarget(random);
                    Integer value = !newVersion && random.nextInt(10) == 0 ? null : random.nextInt(1_000);
                    PreparedStatement ps = doInsert ? insert : update;
                    int valueIndex = doInsert ? 2 : 1;
                    ps.setLong(doInsert ? 1 : 2, id);
                    if (value == null) {
                        ps.setNull(valueIndex, newVersion ? Types.INTEGER : Types.VARCHAR);
                    } else if (newVersion) {
                        ps.setInt(valueIndex, value);
                    } else {
                        ps.setString(valueIndex, value.toString());
                    }
                    if (doInsert) {
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                        }
                    } else {
                        ps.executeUpdate();
                    }
                    expected.put(id, value == null ? 0 : value);
                    statements.incrementAndGet();
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        }
    }

    @Test
    void bothVersionsWriteThroughoutRenameRetypeAndNotNull() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        try (Connection c = db.connect()) {
            exec(c, "CREATE TABLE items (id bigint PRIMARY KEY, qty text)");
            exec(c, "INSERT INTO items SELECT g, CASE WHEN g % 10 = 0 THEN NULL ELSE (g % 100)::text END"
                    + " FROM generate_series(1, " + INITIAL + ") g");
        }
        for (long id = 1; id <= INITIAL; id++) {
            expected.put(id, id % 10 == 0 ? 0 : (int) (id % 100));
        }
        Phases ec = Underway.builder().url(db.url()).user(db.user()).password(db.password())
                .lockTimeout(Duration.ofMillis(500)).build().expandContract(null, null);
        App oldApp = new App(db, false, 1_000_000);
        App newApp = new App(db, true, 2_000_000);
        oldApp.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> oldApp.statements.get() > 50);
        ec.start(YamlMigration.parse("V2__quantity.yaml", """
                operations:
                  - alter_column:
                      table: items
                      column: qty
                      name: quantity
                      type: integer
                      nullable: false
                      up: coalesce(CAST(qty AS integer), 0)
                      down: CAST(quantity AS text)
                """));
        newApp.start();
        long oldAtStart = oldApp.statements.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> newApp.statements.get() > 300
                && oldApp.statements.get() > oldAtStart + 300);
        oldApp.stop.set(true);
        oldApp.join();
        // The old version is gone: the new one now also writes the rows the old one wrote.
        newApp.other = oldApp;
        long newBeforeCross = newApp.statements.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> newApp.statements.get() > newBeforeCross + 200);
        long newBeforeComplete = newApp.statements.get();
        ec.complete(null);
        await().atMost(Duration.ofSeconds(60)).until(() -> newApp.statements.get() > newBeforeComplete + 100);
        newApp.stop.set(true);
        newApp.join();

        assertThat(failures).as("failed application statements").isEmpty();
        Map<Long, Integer> actual = new java.util.HashMap<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT id, quantity FROM items");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                actual.put(rs.getLong(1), rs.getInt(2));
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(oldApp.statements.get()).isGreaterThan(300);
        assertThat(newApp.statements.get()).isGreaterThan(400);
    }
}
