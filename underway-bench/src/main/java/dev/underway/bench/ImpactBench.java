package dev.underway.bench;

import dev.underway.config.ConnectionSettings;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.OnlineExecution;
import dev.underway.rehearse.Rehearsal;
import dev.underway.report.RehearsalReport;
import dev.underway.report.StepReport;
import dev.underway.state.StateLocation;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Five schema changes on a table of a million rows under an application load, each done naively
 * (plain DDL in one transaction, waiting for its locks as long as it takes, as psql or Flyway run it)
 * and done by Underway (its safe form through its executor: short lock timeouts, CONCURRENTLY,
 * NOT VALID + VALIDATE, expand/contract with a batched backfill), measured with the rehearsal
 * machinery in the same run: application errors, worst latency, longest stall, duration.
 */
public final class ImpactBench {
    private static final String SETUP = """
            CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);
            INSERT INTO accounts SELECT g, 'account ' || g FROM generate_series(1, 10000) g;
            CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint NOT NULL, amount int NOT NULL, note text,
                created_at timestamptz NOT NULL);
            INSERT INTO orders SELECT g, 1 + g %% 10000, g %% 1000, 'order ' || g, timestamptz '2024-01-01' + g * interval '1 minute'
                FROM generate_series(1, %d) g;
            ANALYZE orders;
            """;

    /** One change, in its naive and its Underway form: file name and content of the migration. */
    record Scenario(String name, String naive, String underwayFile, String underway) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("add a column with a volatile default",
                    "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();",
                    "V2__token.yaml", """
                    operations:
                      - add_column:
                          table: orders
                          column: {name: token, type: uuid, nullable: true, default: gen_random_uuid()}
                          up: gen_random_uuid()
                    """),
            new Scenario("add NOT NULL",
                    "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;",
                    "V2__note.sql", """
                    -- underway:no-transaction
                    ALTER TABLE orders ADD CONSTRAINT orders_note_not_null CHECK (note IS NOT NULL) NOT VALID;
                    ALTER TABLE orders VALIDATE CONSTRAINT orders_note_not_null;
                    ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
                    ALTER TABLE orders DROP CONSTRAINT orders_note_not_null;
                    """),
            new Scenario("add a foreign key",
                    "ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);",
                    "V2__fk.sql", """
                    -- underway:no-transaction
                    ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
                    ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;
                    """),
            new Scenario("create an index",
                    "CREATE INDEX orders_created_idx ON orders (created_at);",
                    "V2__idx.sql", """
                    -- underway:no-transaction
                    CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);
                    """),
            new Scenario("change a column type",
                    "ALTER TABLE orders ALTER COLUMN amount TYPE bigint;",
                    "V2__amount.yaml", """
                    operations:
                      - alter_column:
                          table: orders
                          column: amount
                          type: bigint
                          up: amount
                          down: amount
                    """));

    /** What one form of one change did to the application. */
    record Outcome(long errors, double maxMs, long stallMs, long durationMs, long queries, Map<String, Long> errorStates) {
    }

    private ImpactBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = MigrationsBench.intArg(args, "--rows", 1_000_000);
        int clients = MigrationsBench.intArg(args, "--clients", 8);
        int rate = MigrationsBench.intArg(args, "--rate", 400);
        Duration lockTimeout = OnlineExecution.DEFAULT_LOCK_TIMEOUT;
        System.out.printf("Load impact on the embedded PostgreSQL: orders with %,d rows, %d clients at %d queries/s"
                        + " (read=80,insert=10,update=10), %d cores, load average %.2f%n%n", rows, clients, rate,
                Runtime.getRuntime().availableProcessors(), BackfillBench.loadAverage());
        List<String[]> table = new ArrayList<>();
        boolean met = true;
        for (Scenario s : SCENARIOS) {
            Outcome naive = run(s, true, rows, clients, rate);
            Outcome safe = run(s, false, rows, clients, rate);
            table.add(row(s.name(), "naive", naive));
            table.add(row("", "Underway", safe));
            met &= safe.errors() == 0 && safe.stallMs() < lockTimeout.toMillis() + 100;
        }
        System.out.printf("%n%-38s %-9s %10s %12s %14s %12s %10s%n", "change", "form", "app errors", "max latency",
                "longest stall", "duration", "queries");
        for (String[] r : table) {
            System.out.printf("%-38s %-9s %10s %12s %14s %12s %10s%n", (Object[]) r);
        }
        System.out.printf("%ntarget: under Underway no application error and every longest stall below the lock timeout"
                + " + 100 ms (%d ms): %s%n", lockTimeout.toMillis() + 100, met ? "met" : "NOT met");
        System.out.printf("load average at the end: %.2f%n", BackfillBench.loadAverage());
    }

    private static String[] row(String change, String form, Outcome o) {
        return new String[] {change, form, o.errors() + (o.errorStates().isEmpty() ? "" : " " + o.errorStates().keySet()),
                String.format("%.0f ms", o.maxMs()), o.stallMs() + " ms", String.format("%.2f s", o.durationMs() / 1000.0),
                String.format("%,d", o.queries())};
    }

    static Outcome run(Scenario s, boolean naive, int rows, int clients, int rate) throws IOException {
        TestDatabase db = TestDatabases.postgres();
        Path dir = Files.createTempDirectory("underway-impact");
        Files.writeString(dir.resolve("V1__setup.sql"), SETUP.formatted(rows));
        if (naive) {
            Files.writeString(dir.resolve("V2__naive.sql"), s.naive());
        } else {
            Files.writeString(dir.resolve(s.underwayFile()), s.underway());
        }
        // Naive: wait for locks as long as it takes and never time out, as plain DDL does. (Underway's first attempts
        // wait 200 ms, doubling: without a blocker in these scenarios every naive statement gets its lock at once.)
        OnlineExecution online = naive ? OnlineExecution.DEFAULTS.withLockTimeout(Duration.ofHours(1))
                .withStatementTimeout(Duration.ZERO) : OnlineExecution.DEFAULTS;
        System.out.printf("%s, %s ...%n", s.name(), naive ? "naive" : "Underway");
        RehearsalReport r = new Rehearsal(new ConnectionSettings(db.url(), db.user(), db.password()), null,
                StateLocation.DEFAULT, dev.underway.report.RehearsalRequest.builder(dir)
                .from(MigrationVersion.parse("2")).defaultRows(0).loadTables(List.of("orders")).clients(clients)
                .ratePerSecond(rate).warmup(Duration.ofSeconds(3)).cooldown(Duration.ofSeconds(2)).online(online).build(),
                line -> { }).run();
        long start = r.statements().stream().mapToLong(StepReport::startMs).min().orElse(0);
        long end = r.statements().stream().mapToLong(StepReport::endMs).max().orElse(0);
        Map<String, Long> states = new java.util.TreeMap<>();
        r.load().overall().errorsByState().forEach((k, v) -> states.put(k, v.count()));
        Outcome o = new Outcome(r.load().overall().errors(), r.load().overall().maxMs(), r.load().longestStall().durationMs(),
                end - start, r.load().overall().queries(), states);
        System.out.printf("  %d errors, max %.0f ms, longest stall %d ms, %.2f s%n", o.errors(), o.maxMs(), o.stallMs(),
                o.durationMs() / 1000.0);
        return o;
    }
}
