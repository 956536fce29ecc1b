package dev.underway.cli;

import dev.underway.testkit.ProjectFiles;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The launchers ./underway and underway-bench/bench: when they cannot build, and passing on signals. */
class LauncherIT {
    @TempDir
    Path work;

    /** A copy of the launcher in a tree with no jar and no wrapper, run with a PATH that has no mvn. */
    private String withoutMaven(String launcher, Path copy) throws Exception {
        Files.createDirectories(copy.getParent());
        Files.copy(ProjectFiles.root().resolve(launcher), copy);
        Path bin = Files.createDirectories(work.resolve("bin"));
        for (String tool : new String[] {"dirname", "find"}) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
        }
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", copy.toString(), "info").redirectErrorStream(true);
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        return output;
    }

    @Test
    void underwaySaysWhatIsMissingInsteadOfRunningAMissingMvnw() throws Exception {
        Path copy = work.resolve("tree/underway");
        assertThat(withoutMaven("underway", copy)).contains("underway: cannot build it: no mvn on the PATH and no Maven"
                + " wrapper at " + copy.getParent() + "/mvnw").doesNotContain("No such file");
    }

    @Test
    void benchSaysTheSame() throws Exception {
        Path copy = work.resolve("tree/underway-bench/bench");
        assertThat(withoutMaven("underway-bench/bench", copy)).contains("bench: cannot build it: no mvn on the PATH");
    }

    /**
     * The run that records the class-data archive keeps java as a child of the script: a SIGTERM sent to the
     * script must reach it, so that the statement it runs is cancelled rather than left holding its lock.
     */
    @Test
    void aSigtermToTheLauncherReachesJavaOnTheRunThatRecordsTheArchive() throws Exception {
        Path tree = work.resolve("tree");
        Files.createDirectories(tree.resolve("underway-cli/target"));
        Files.copy(ProjectFiles.root().resolve("underway"), tree.resolve("underway"));
        Files.copy(Path.of(System.getProperty("underway.jar")), tree.resolve("underway-cli/target/underway.jar"));
        TestDatabase db = TestDatabases.postgres();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE live (id int)");
        }
        Path dir = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(dir.resolve("V1__slow.sql"), "ALTER TABLE live ADD COLUMN c int;\nSELECT pg_sleep(60);\n");
        Path log = work.resolve("launcher.log");
        Process script = new ProcessBuilder("/bin/bash", tree.resolve("underway").toString(), "migrate", "--url", db.url(),
                "--user", db.user(), "--dir", dir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String sleeping = "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(60)%'";
        await().atMost(Duration.ofSeconds(90)).until(() -> db.count(sleeping) == 1);
        UnderwayProcess.signal(script, "TERM");
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).as(Files.readString(log)).isEqualTo(143);
        assertThat(Files.readString(log)).contains("interrupted (SIGTERM)");
        assertThat(db.count(sleeping)).isZero();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '5s'");
            s.execute("SELECT count(*) FROM live");
        }
    }

    @Test
    void theWrapperTheLaunchersFallBackToIsInTheRepository() {
        assertThat(ProjectFiles.root().resolve("mvnw")).isExecutable();
        assertThat(ProjectFiles.root().resolve(".mvn/wrapper/maven-wrapper.properties")).content()
                .contains("distributionUrl=").contains("apache-maven-3.8.7");
    }
}
