package dev.underway.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Options filled from UNDERWAY_* (flag, then environment, then default) and durations checked while parsing. A port
 * where nothing listens shows which URL and user a command took, without a database.
 */
class EnvironmentAndDurationOptionsTest {
    private static final String ENV_URL = "jdbc:postgresql://127.0.0.1:1/fromenv";
    private static final Map<String, String> ENV = Map.of("UNDERWAY_URL", ENV_URL, "UNDERWAY_USER", "envuser",
            "UNDERWAY_PASSWORD", "env-secret-pw");

    @TempDir
    Path work;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(Files.createDirectories(work.resolve("db/migration")).resolve("V1__a.sql"),
                "CREATE TABLE a (id int PRIMARY KEY);\n");
    }

    @Test
    void theEnvironmentFillsUrlAndUser() {
        Cli c = Cli.run(ENV, work, "info");
        assertThat(c.exitCode()).as(c.err()).isEqualTo(2);
        assertThat(c.err()).contains("cannot connect to " + ENV_URL + " (").contains("as user envuser)")
                .doesNotContain("env-secret-pw");
    }

    @Test
    void aFlagWinsOverTheEnvironment() {
        String flagUrl = "jdbc:postgresql://127.0.0.1:1/fromflag";
        Cli c = Cli.run(ENV, work, "info", "--url", flagUrl, "--user", "flaguser");
        assertThat(c.exitCode()).as(c.err()).isEqualTo(2);
        assertThat(c.err()).contains("cannot connect to " + flagUrl + " (").contains("as user flaguser)")
                .doesNotContain("fromenv").doesNotContain("envuser");
    }

    @Test
    void lintStaysOfflineThoughUnderwayUrlIsSet() {
        Cli c = Cli.run(ENV, work, "lint", "db/migration");
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.err()).doesNotContain("cannot connect");
    }

    @Test
    void helpNamesEachVariableAndNeverShowsItsValue() {
        CommandLine cli = new CommandLine(new UnderwayCommand(work));
        int seen = 0;
        for (CommandLine sub : cli.getSubcommands().values()) {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                String variable = EnvironmentDefaults.VARIABLES.get(o.longestName());
                boolean offline = EnvironmentDefaults.OFFLINE_UNLESS_URL_GIVEN.contains(sub.getCommandName())
                        && o.longestName().equals("--url");
                if (variable != null && !offline) {
                    assertThat(String.join(" ", o.description())).as(sub.getCommandName() + " " + o.longestName())
                            .contains("Env: " + variable);
                    seen++;
                }
            }
        }
        assertThat(seen).isGreaterThan(30);
        Cli help = Cli.run(ENV, work, "migrate", "--help");
        assertThat(help.out()).contains("Env: UNDERWAY_PASSWORD").doesNotContain("env-secret-pw").doesNotContain("envuser")
                .doesNotContain(ENV_URL);
    }

    @Test
    void aBadDurationIsAUsageErrorNamingTheOptionBeforeAnyConnection() {
        for (String option : new String[] {"--lock-wait", "--lock-timeout", "--connect-timeout"}) {
            Cli c = Cli.run(ENV, work, "migrate", option, "soon");
            assertThat(c.exitCode()).as(c.err()).isEqualTo(2);
            assertThat(c.err()).contains("Invalid value for option '" + option + "': 'soon' is not a duration")
                    .doesNotContain("cannot connect");
        }
        Cli load = Cli.run(ENV, work, "load", "--table", "t", "--duration", "1 minute");
        assertThat(load.exitCode()).isEqualTo(2);
        assertThat(load.err()).contains("Invalid value for option '--duration': '1 minute' is not a duration");
    }
}
