package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbConnectionFailureIT extends ConnectionFailureScenario {
    @Override
    TestDatabase database() {
        return TestDatabases.mariadb();
    }

    @Override
    String scheme() {
        return "jdbc:mariadb:";
    }

    /** The packaged jar with its own logging configuration: the driver's "WARN ErrorPacket" line is not repeated. */
    @Test
    void theServersErrorIsReportedOnceWithoutTheDriversLogLine() throws Exception {
        Path log = work.resolve("run.log");
        Process p = UnderwayProcess.start(work, log, "info", "--url", withDatabase("no_such_db"), "--user", db.user());
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("Unknown database 'no_such_db'").doesNotContain("ErrorPacket")
                .doesNotContain("WARN");
        assertThat(output.lines().filter(l -> l.contains("no_such_db"))).hasSize(1);
    }
}
