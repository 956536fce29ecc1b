package dev.underway.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that takes a URL, pointed at a port where nothing listens: exit 2 and one message that names the
 * server and says what to check; never "internal error", never a stack trace. No database needed.
 */
class RefusedConnectionTest {
    private static final String PG = "jdbc:postgresql://127.0.0.1:1/app";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:1/app";

    /** Each command with what it needs besides the URL. trace is PostgreSQL only (MariaDB: a usage error of its own). */
    private static final List<List<String>> COMMANDS = List.of(
            List.of("migrate"), List.of("info"), List.of("validate"), List.of("baseline", "--version", "1"),
            List.of("repair"), List.of("lint", "db/migration"), List.of("trace", "db/migration"),
            List.of("backfill", "--table", "t", "--set", "a = 1"), List.of("start", "V2__t.yaml"), List.of("complete"),
            List.of("rollback"), List.of("status"), List.of("rehearse"), List.of("rehearse", "--in-place"),
            List.of("load", "--table", "t", "--duration", "1s"));

    @TempDir
    static Path work;

    @BeforeAll
    static void files() throws IOException {
        Path dir = Files.createDirectories(work.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int PRIMARY KEY);\n");
        Files.writeString(work.resolve("V2__t.yaml"), "operations:\n  - create_table:\n      name: t\n      columns:\n"
                + "        - {name: id, type: int, pk: true}\n");
    }

    static Stream<Arguments> commandsAndUrls() {
        List<Arguments> all = new ArrayList<>();
        for (List<String> command : COMMANDS) {
            all.add(Arguments.of(PG, command));
            if (!command.get(0).equals("trace")) {
                all.add(Arguments.of(MARIADB, command));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} --url {0}")
    @MethodSource("commandsAndUrls")
    void aRefusedConnectionIsAUsageErrorThatNamesTheServer(String url, List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--url", url, "--user", "app", "--password", "hunter2"));
        Cli c = Cli.run(work, args.toArray(String[]::new));
        assertThat(c.exitCode()).as(c.err()).isEqualTo(2);
        assertThat(c.err()).as(String.join(" ", args))
                .contains("error: cannot connect to " + url + " (")
                .contains("at 127.0.0.1:1, database app, as user app)")
                .contains("the connection was refused: no server listens on 127.0.0.1:1")
                .contains("Check the host and port of --url (or UNDERWAY_URL)")
                .doesNotContain("internal error").doesNotContain("\tat ").doesNotContain("hunter2");
        assertThat(c.err().strip().lines().filter(l -> l.startsWith("error:"))).as("one message").hasSize(1);
    }

    /** A new command that takes a URL must join the list above. */
    @Test
    void everyCommandWithAUrlIsCovered() {
        CommandLine cli = new CommandLine(new UnderwayCommand(work));
        Set<String> withUrl = new TreeSet<>();
        cli.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().findOption("--url") != null) {
                withUrl.add(name);
            }
        });
        Set<String> covered = new TreeSet<>();
        COMMANDS.forEach(c -> covered.add(c.get(0)));
        assertThat(covered).isEqualTo(withUrl);
        assertThat(withUrl).hasSize(14);
    }
}
