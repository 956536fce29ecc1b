package dev.underway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rehearse --in-place on a database whose history lives where migrate was told to keep it (a role that may not
 * create a separate state schema or database): only the truly pending migration is rehearsed.
 */
abstract class RehearseInPlaceStateScenario {
    @TempDir
    Path work;

    abstract TestDatabase database();

    /** Where the history goes: the application's own schema or database. */
    abstract String stateSchema(TestDatabase db);

    @Test
    void inPlaceReadsTheHistoryFromTheGivenStateLocation() throws Exception {
        TestDatabase db = database();
        Path dir = Files.createDirectories(work.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100));");
        String[] state = {"--state-schema", stateSchema(db), "--state-table-prefix", "underway_"};
        Cli migrate = Cli.run(work, "migrate", "--url", db.url(), "--user", db.user(), state[0], state[1], state[2],
                state[3]);
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        Files.writeString(dir.resolve("V2__note.sql"), "ALTER TABLE users ADD COLUMN note varchar(20);");

        Cli r = Cli.run(work, "rehearse", "--in-place", "--url", db.url(), "--user", db.user(), state[0], state[1],
                state[2], state[3], "--rows", "200", "--clients", "1", "--rate", "20", "--warmup", "200ms", "--cooldown",
                "200ms", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("rehearsed")).hasSize(1);
        assertThat(report.get("rehearsed").get(0).asText()).isEqualTo("V2");
        assertThat(report.get("setup")).as("V1 is applied: not rebuilt").isEmpty();

        Cli scratch = Cli.run(work, "rehearse", "--url", db.url(), "--user", db.user(), state[0], state[1]);
        assertThat(scratch.exitCode()).isEqualTo(2);
        assertThat(scratch.err()).contains("--state-schema and --state-table-prefix are for --in-place");
    }
}
