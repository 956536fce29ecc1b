package dev.underway.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar's colours follow the terminal conventions: none when piped or with NO_COLOR, on when forced. */
class TerminalIT {
    @TempDir
    Path work;

    private String run(Map<String, String> env) throws Exception {
        Path log = work.resolve("run.log");
        Process p = UnderwayProcess.start(work, log, env, "lint", "no-such-dir");
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        return Files.readString(log);
    }

    @Test
    void coloursOnlyOnATerminalAndNeverWithNoColor() throws Exception {
        assertThat(run(Map.of())).as("piped").startsWith("error: ").doesNotContain("\u001b[");
        assertThat(run(Map.of("CLICOLOR_FORCE", "1"))).as("forced").startsWith("\u001b[").contains("error:");
        assertThat(run(Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "1"))).as("NO_COLOR wins").doesNotContain("\u001b[");
    }
}
