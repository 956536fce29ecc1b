package dev.underway.cli;

import dev.underway.testkit.ProjectFiles;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every {@code ./underway ...} command line of the README, as written, so the README cannot drift from what
 * the CLI does. New lines are picked up by themselves. Each code block is one sequence on fresh databases (the
 * embedded PostgreSQL and MariaDB of the testkit), in a fresh project directory; each inline command stands alone.
 *
 * <p>The project a reader is assumed to have: {@code examples/} as in the repository, and {@code db/migration}
 * holding the examples' migrations, versioned and repeatable (already applied: the quick start), plus every
 * {@code db/migration/*.yaml} the README names, taken from the {@code yaml} block that follows the file's name in the
 * README. The repeatable view selects users.email, which the README's alter_column and rename examples change: the
 * view must survive their complete.
 * The tables the README's backfill and load examples name ({@code users.plan}, {@code users.tier}, {@code orders})
 * are created as the application would have them.
 *
 * <p>What is replaced, and only this: every JDBC URL by the test database of its engine ({@code jdbc:postgresql:}
 * by PostgreSQL, {@code jdbc:mariadb:} and {@code jdbc:mysql:} by MariaDB), {@code --user}/{@code --password} by its
 * credentials, the database name {@code app} in {@code --schema}/{@code --state-schema} by the test database's; a
 * command without {@code --url} (the embedded default) gets the PostgreSQL test database, except lint, which works
 * offline; and the sizes in {@link #FASTER}.
 */
class ReadmeCommandsIT {
    /** Lines that cannot run here, each with the reason: the start of the line as written. Keep it short. */
    private static final Map<String, String> SKIP = Map.of(
            // (none today; e.g. a line that needs a real replica: "./underway backfill ... --replica-url ...")
    );

    /**
     * Gates whose exit code 1 is their verdict on the migrations, not a fault of the command line (which exit 2 would
     * be): the start of the line as written, and why it says no here.
     */
    private static final Map<String, String> VERDICTS = Map.of(
            "./underway rehearse --dir db/migration --url jdbc:postgresql://restored-copy/app --in-place",
            "--max-errors 0 fails on the README's own V7, which renames users.email: the simulated old application"
                    + " keeps reading email after complete, as a real one would");

    /** Illustrative sizes that would make this test run for minutes or stall on a shared machine: option, value. */
    private static final Map<String, String> FASTER = Map.of(
            "--rows", "2000",            // a million synthetic rows take a minute to write
            "--duration", "2s",          // load runs for as long as it is told
            "--from", "7",               // "V42 and later": the README's examples end at V7
            "--max-stall", "60s",        // a CI gate; the shared test machine stalls for its own reasons
            "--warmup", "300ms",
            "--cooldown", "300ms");

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:(postgresql|mariadb|mysql):\\S*");
    private static final Pattern YAML_FILE = Pattern.compile("db/migration/(V[^\\s/]+\\.ya?ml)");

    @TempDir
    static Path root;

    private static String readme() {
        try {
            return Files.readString(ProjectFiles.root().resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicNode> everyCommandLineOfTheReadmeRunsAsWritten() {
        String readme = readme();
        List<ReadmeCommands.Block> blocks = ReadmeCommands.blocks(readme);
        assertThat(blocks.stream().mapToInt(b -> b.lines().size()).sum()).as("command lines found").isGreaterThan(15);
        return blocks.stream().map(block -> {
            Project project = new Project(readme, block.firstLine());
            List<DynamicTest> tests = block.lines().stream()
                    .map(line -> DynamicTest.dynamicTest(line.toString(), () -> project.run(line))).toList();
            return DynamicContainer.dynamicContainer("README.md:" + block.firstLine(), tests);
        });
    }

    /** A SKIP or VERDICTS entry whose line left the README is stale: it would hide the next line that happens to match. */
    @Test
    void everySkippedLineIsStillInTheReadme() {
        List<String> lines = ReadmeCommands.blocks(readme()).stream().flatMap(b -> b.lines().stream())
                .map(ReadmeCommands.Line::text).toList();
        for (String listed : java.util.stream.Stream.concat(SKIP.keySet().stream(), VERDICTS.keySet().stream()).toList()) {
            assertThat(lines).as("entry " + listed + ": no README line starts so any more; remove it")
                    .anyMatch(l -> l.startsWith(listed));
        }
    }

    /** The project directory and databases of one code block, made when its first line runs. */
    private static final class Project {
        private final String readme;
        private final Path dir;
        private TestDatabase pg;
        private TestDatabase maria;

        Project(String readme, int block) {
            this.readme = readme;
            this.dir = root.resolve("block-" + block);
        }

        void run(ReadmeCommands.Line line) throws Exception {
            String skip = SKIP.entrySet().stream().filter(e -> line.text().startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            org.junit.jupiter.api.Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
            assertThat(line.words().get(0)).isEqualTo("./underway");
            if (!Files.exists(dir)) {
                create();
            }
            List<String> args = substitute(line.words().subList(1, line.words().size()));
            Cli c = Cli.run(dir, args.toArray(String[]::new));
            boolean verdict = c.exitCode() == 1 && VERDICTS.keySet().stream().anyMatch(line.text()::startsWith);
            if (c.exitCode() != 0 && !verdict) {
                fail(line + "\n  ran as: underway " + String.join(" ", args) + "\n  in " + dir + "\n  exit code "
                        + c.exitCode() + "\n  stderr:\n" + c.err().indent(4) + "  stdout:\n" + c.out().indent(4));
            }
            if (line.redirectTo() != null) {
                Files.writeString(dir.resolve(line.redirectTo()), c.out());
            }
        }

        private List<String> substitute(List<String> words) throws IOException {
            List<String> args = new ArrayList<>();
            TestDatabase engine = null;
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                Matcher url = JDBC_URL.matcher(w);
                if (url.matches()) {
                    engine = url.group(1).equals("postgresql") ? pg() : maria();
                    args.add(url.group(1).equals("mysql") ? engine.mysqlUrl() : engine.url());
                } else if (FASTER.containsKey(w) && i + 1 < words.size()) {
                    args.add(w);
                    args.add(FASTER.get(w));
                    i++;
                } else {
                    args.add(w);
                }
            }
            TestDatabase db = engine != null ? engine : pg();
            for (int i = 0; i + 1 < args.size(); i++) {
                switch (args.get(i)) {
                    case "--user" -> args.set(i + 1, db.user());
                    case "--password" -> args.set(i + 1, db.password());
                    case "--schema", "--state-schema" -> {
                        if (args.get(i + 1).equals("app")) {
                            args.set(i + 1, db.isPostgres() ? "public" : db.name());
                        }
                    }
                    default -> { }
                }
            }
            if (engine == null && takesUrl(args.get(0)) && !args.get(0).equals("lint")) {
                args.addAll(List.of("--url", db.url(), "--user", db.user()));
            }
            return args;
        }

        private boolean takesUrl(String command) {
            CommandLine sub = new CommandLine(new UnderwayCommand(dir)).getSubcommands().get(command);
            return sub != null && sub.getCommandSpec().findOption("--url") != null;
        }

        private TestDatabase pg() throws IOException {
            if (pg == null) {
                pg = prepared(TestDatabases.postgres());
            }
            return pg;
        }

        private TestDatabase maria() throws IOException {
            if (maria == null) {
                maria = prepared(TestDatabases.mariadb());
            }
            return maria;
        }

        /** The quick start done: the examples' versioned migrations applied; the application's own tables there. */
        private TestDatabase prepared(TestDatabase db) throws IOException {
            Path applied = Files.createDirectories(root.resolve("applied-" + db.name()));
            copyMigrations(ProjectFiles.examples(), applied);
            Cli c = Cli.run(dir, "migrate", "--dir", applied.toString(), "--url", db.url(), "--user", db.user());
            assertThat(c.exitCode()).as("setting up " + db.name() + ": " + c.err()).isZero();
            try (Connection conn = db.connect(); Statement s = conn.createStatement()) {
                s.execute("ALTER TABLE users ADD COLUMN plan varchar(20)");
                s.execute("ALTER TABLE users ADD COLUMN tier varchar(20)");
                s.execute("CREATE TABLE orders (id bigint NOT NULL PRIMARY KEY, user_id bigint, total int)");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("the README's application tables on " + db.name(), e);
            }
            return db;
        }

        private void create() throws IOException {
            Path migrations = Files.createDirectories(dir.resolve("db/migration"));
            Path examples = Files.createDirectories(dir.resolve("examples"));
            try (Stream<Path> files = Files.list(ProjectFiles.examples())) {
                for (Path f : files.toList()) {
                    Files.copy(f, examples.resolve(f.getFileName()));
                }
            }
            copyMigrations(ProjectFiles.examples(), migrations);
            Matcher m = YAML_FILE.matcher(readme);
            while (m.find()) {
                Files.writeString(migrations.resolve(m.group(1)), yamlBlockAfter(m.group(1)));
            }
        }

        /** The README shows a YAML migration in the first yaml block after a line that names it. */
        private String yamlBlockAfter(String fileName) {
            String[] lines = readme.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(fileName) && !lines[i].strip().startsWith("./underway")) {
                    for (int j = i + 1; j < lines.length && j <= i + 3; j++) {
                        if (lines[j].strip().equals("```yaml")) {
                            StringBuilder yaml = new StringBuilder();
                            for (int k = j + 1; k < lines.length && !lines[k].strip().equals("```"); k++) {
                                yaml.append(lines[k]).append('\n');
                            }
                            return yaml.toString();
                        }
                    }
                }
            }
            throw new IllegalStateException("the README runs db/migration/" + fileName + " but shows it nowhere: put a"
                    + " ```yaml block right after a line that names " + fileName);
        }

        private static void copyMigrations(Path from, Path to) throws IOException {
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches("[VR].*\\.sql")).toList()) {
                    Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
