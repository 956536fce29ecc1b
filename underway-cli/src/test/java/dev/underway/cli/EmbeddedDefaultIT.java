package dev.underway.cli;

import dev.underway.testkit.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    /**
     * kill -9 of an underway process leaves its embedded PostgreSQL running (a process of its
     * own) on the data directory; the next run stops that orphan and goes on with the same data.
     */
    @Test
    void aServerLeftRunningByAKilledRunIsStoppedAndTheNextRunGoesOn() throws Exception {
        Path dir = Files.createDirectories(work.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
        Files.writeString(dir.resolve("V2__slow.sql"), "SELECT pg_sleep(120);");
        Path log = work.resolve("killed.log");
        Process killed = UnderwayProcess.start(work, log, "migrate");
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(log) && Files.readString(log).contains("Applied V1"));
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long orphan = Long.parseLong(Files.readAllLines(work.resolve(".underway/embedded/postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the killed run's server").contains(true);

        try {
            Files.writeString(dir.resolve("V2__slow.sql"), "CREATE TABLE b (id int);");
            Cli next = Cli.run(work, "migrate");
            assertThat(next.exitCode()).as(next.err()).isZero();
            assertThat(next.err()).contains("A PostgreSQL server (pid " + orphan + ") left running on .underway/embedded");
            assertThat(next.out()).doesNotContain("Applied V1").contains("Applied V2 slow");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false));
        } finally {
            ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * A pid file whose pid now belongs to another program (reused after a reboot): that program is
     * left alone and the stale file removed (PostgreSQL itself would refuse to start over it).
     */
    @Test
    void aStalePidFileNamingAnotherProcessIsRemovedAndThatProcessLeftAlone() throws Exception {
        Files.createDirectories(work.resolve("db/migration"));
        assertThat(Cli.run(work, "info").exitCode()).isZero();
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Path pidFile = work.resolve(".underway/embedded/postmaster.pid");
            Files.writeString(pidFile, other.pid() + "\n" + work.resolve(".underway/embedded").toAbsolutePath() + "\n"
                    + (System.currentTimeMillis() / 1000 - 3600) + "\n5432\n");
            Cli next = Cli.run(work, "info");
            assertThat(next.exitCode()).as(next.err()).isZero();
            assertThat(next.err()).doesNotContain("left running")
                    .contains("Removing a stale .underway/embedded/postmaster.pid: pid " + other.pid() + " is another process");
            assertThat(other.isAlive()).isTrue();
        } finally {
            other.destroyForcibly();
        }
    }
}
