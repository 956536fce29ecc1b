package dev.underway.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Help, version, usage errors, completion and colours: what a new user meets before any database. */
class CliSurfaceTest {
    @TempDir
    Path work;

    static List<String> subcommands() {
        return List.copyOf(new CommandLine(new UnderwayCommand(Path.of("."))).getSubcommands().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subcommands")
    void everySubcommandPrintsItsHelpOnStdoutWithExitZero(String command) {
        for (String flag : List.of("--help", "-h")) {
            Cli c = Cli.run(work, command, flag);
            assertThat(c.exitCode()).as(command + " " + flag + ": " + c.err()).isZero();
            assertThat(c.out()).as(command + " " + flag).contains("Usage: underway " + command);
            assertThat(c.err()).isEmpty();
        }
    }

    @Test
    void helpComesFirstEvenWithOtherArguments() {
        Cli c = Cli.run(work, "baseline", "--version", "3", "--help");
        assertThat(c.exitCode()).isZero();
        assertThat(c.out()).startsWith("Usage: underway baseline");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli c = Cli.run(work);
        assertThat(c.exitCode()).isEqualTo(2);
        assertThat(c.err()).contains("a command is missing").contains("Usage: underway [-hV] [COMMAND]")
                .contains("migrate");
        assertThat(c.out()).isEmpty();
    }

    @Test
    void versionNamesTheProjectVersionAndTheCommit() {
        for (String flag : List.of("--version", "-V")) {
            Cli c = Cli.run(work, flag);
            assertThat(c.exitCode()).isZero();
            assertThat(c.out().strip()).matches("underway \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\((commit [0-9a-f]{7,}|unknown"
                    + " commit)\\)");
        }
    }

    /** A build from a source archive (no .git) leaves the placeholder: "unknown commit", never "${...}". */
    @Test
    void unfilledPlaceholdersAreUnknown() {
        Properties p = new Properties();
        p.setProperty("version", "0.2.0");
        p.setProperty("commit", "${git.commit.id.abbrev}");
        assertThat(UnderwayCommand.Version.describe(p)).isEqualTo("underway 0.2.0 (unknown commit)");
        p.setProperty("commit", "4a2dc7dc18");
        assertThat(UnderwayCommand.Version.describe(p)).isEqualTo("underway 0.2.0 (commit 4a2dc7dc18)");
        assertThat(UnderwayCommand.Version.describe(new Properties())).isEqualTo("underway (unknown version) (unknown commit)");
    }

    @Test
    void completionScriptCoversEveryCommandAndOption() {
        Cli c = Cli.run(work, "generate-completion");
        assertThat(c.exitCode()).isZero();
        assertThat(c.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_underway")
                .contains("--connect-timeout").contains("--state-table-prefix");
        for (String command : subcommands()) {
            assertThat(c.out()).contains(command);
        }
        assertThat(Cli.run(work, "--help").out()).contains("generate-completion");
    }

    @Test
    void backfillAndLoadHelpListOnlyTheOptionsTheyUse() {
        String backfill = Cli.run(work, "backfill", "--help").out();
        assertThat(backfill).doesNotContain("--dir").contains("--state-schema").contains("--connect-timeout");
        String load = Cli.run(work, "load", "--help").out();
        assertThat(load).doesNotContain("--dir").doesNotContain("--lock-wait").doesNotContain("--state-schema")
                .doesNotContain("--state-table-prefix").contains("--url").contains("--schema");
        assertThat(Cli.run(work, "load", "--table", "t", "--dir", "x").exitCode()).as("not accepted either").isEqualTo(2);
    }

    @Test
    void coloursOnlyWhereAskedFor() {
        assertThat(TerminalStyle.PLAIN.error("error:")).isEqualTo("error:");
        assertThat(new TerminalStyle(Ansi.ON).error("error:")).startsWith("\u001b[").contains("error:").endsWith("\u001b[0m");
        // Under the test runner nothing is a terminal: no escape codes in messages.
        Cli c = Cli.run(work, "lint", "no-such-dir");
        assertThat(c.exitCode()).isEqualTo(2);
        assertThat(c.err()).startsWith("error: ").doesNotContain("\u001b[");
    }
}
