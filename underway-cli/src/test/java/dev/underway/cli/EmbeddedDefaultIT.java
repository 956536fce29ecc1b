package dev.underway.cli;

import dev.underway.testkit.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Without --url, the embedded PostgreSQL in .underway/embedded is used and keeps its data between runs. */
class EmbeddedDefaultIT {
    @TempDir
    Path work;

    @Test
    void secondRunSeesTheFirstRunsData() throws Exception {
        Path dir = Files.createDirectories(work.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
        Cli first = Cli.run(work, "migrate");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("No --url given: using the embedded PostgreSQL").contains(".underway/embedded (created now)");
        assertThat(first.out()).contains("Applied V1 a");
        assertThat(work.resolve(".underway/embedded/PG_VERSION")).exists();

        Files.writeString(dir.resolve("V2__b.sql"), "CREATE TABLE b (id int);");
        Cli second = Cli.run(work, "migrate");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).contains("(kept from earlier runs)");
        assertThat(second.out()).doesNotContain("Applied V1").contains("Applied V2 b");
    }

    @Test
    void theReadmesFirstCommandAppliesTheExamplesAndThenNothing() {
        String examples = ProjectFiles.examples().toString();
        Cli first = Cli.run(work, "migrate", "--dir", examples);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Applied V1 create users (V1__create_users.sql): 3 statements")
                .contains("Applied V2 add posts").contains("Applied V3 add display name")
                .contains("Applied R user summary view").contains("it is now at version 3");

        Cli again = Cli.run(work, "migrate", "--dir", examples);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).doesNotContain("Applied");
    }
}
