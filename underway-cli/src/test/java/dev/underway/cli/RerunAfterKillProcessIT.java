package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the real process the moment it printed that its phase is done (its last transaction
 * committed), then the same command again, as a deploy script that retries would: the rerun says
 * the phase is done and exits 0, for start, complete, rollback and start --complete.
 */
class RerunAfterKillProcessIT {
    @TempDir
    Path work;
    TestDatabase db;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.postgres();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id int PRIMARY KEY, qty text);"
                    + " INSERT INTO items SELECT g, (g % 9)::text FROM generate_series(1, 100) g");
        }
        Files.writeString(work.resolve("V2__quantity.yaml"), """
                operations:
                  - alter_column: {table: items, column: qty, name: quantity, type: integer, up: CAST(qty AS integer),
                                   down: CAST(quantity AS text)}
                """);
        Files.writeString(work.resolve("V3__big.yaml"), """
                operations:
                  - alter_column: {table: items, column: quantity, type: bigint, up: quantity,
                                   down: CAST(quantity AS integer)}
                """);
    }

    private String[] args(String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(List.of("--url", db.url(), "--user", db.user()));
        return full.toArray(String[]::new);
    }

    private record Run(int exit, String output) {
    }

    /**
     * Runs the command and sends it SIGKILL as soon as a line of its output contains {@code marker}. A process that
     * printed its last line may win the race and exit by itself first; what it leaves is the same either way.
     */
    private Run killedAfter(String marker, String... command) throws Exception {
        Process p = UnderwayProcess.builder(work, args(command)).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.append(line).append('\n');
                if (line.contains(marker)) {
                    p.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(out.toString()).contains(marker);
        assertThat(p.exitValue()).as(out.toString()).isIn(0, 137);
        return new Run(p.exitValue(), out.toString());
    }

    private Cli again(String... command) {
        Cli c = Cli.run(work, args(command));
        assertThat(c.exitCode()).as(c.err()).isZero();
        return c;
    }

    @Test
    void eachCommandKilledAfterItsLastCommitSaysItIsDoneWhenRunAgain() throws Exception {
        killedAfter("Started V2", "start", "V2__quantity.yaml");
        assertThat(again("start", "V2__quantity.yaml").out()).startsWith("V2 is already started (on ")
                .contains("Nothing to do");

        killedAfter("Completed V2", "complete");
        assertThat(again("complete").out()).startsWith("V2 is already completed (on ").contains("Nothing to do");
        assertThat(again("complete", "2").out()).startsWith("V2 is already completed (on ");
        assertThat(again("complete", "--dry-run").out()).startsWith("-- Dry run of complete: V2 is already completed")
                .endsWith("; a run has nothing to do. Nothing is changed.\n");

        again("start", "V3__big.yaml");
        killedAfter("Rolled back V3", "rollback");
        assertThat(again("rollback").out()).startsWith("V3 is already rolled back (on ");
        assertThat(db.value("SELECT string_agg(version || ':' || phase, ',' ORDER BY installed_rank) FROM underway.history"))
                .isEqualTo("2:start,2:complete,3:rolled back,3:rollback");
        assertThat(db.value("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'items'::regclass"
                + " AND attname = 'quantity'")).isEqualTo("integer");
    }

    @Test
    void startCompleteKilledAfterItsStartFinishesWhenRunAgain() throws Exception {
        killedAfter("Started V2", "start", "V2__quantity.yaml", "--complete");
        String out = again("start", "V2__quantity.yaml", "--complete").out();
        assertThat(out).startsWith("V2 is already started").containsPattern("Completed V2|V2 is already completed");
        assertThat(db.value("SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid ="
                + " 'items'::regclass AND attnum > 0 AND NOT attisdropped")).isEqualTo("id,quantity");
        assertThat(db.value("SELECT sum(quantity) FROM items")).isEqualTo(db.value("SELECT sum(g % 9) FROM generate_series(1, 100) g"));
        assertThat(again("start", "V2__quantity.yaml", "--complete").out())
                .contains("V2 is already started and completed").contains("V2 is already completed");
    }
}
