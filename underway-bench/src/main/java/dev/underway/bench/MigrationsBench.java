package dev.underway.bench;

import dev.underway.Underway;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Applies a directory of N small migrations (each creates a table and inserts a row) to a
 * fresh PostgreSQL database with Underway and with Flyway, alternating the two in the same
 * run so that neither profits from a quieter moment of the machine. Two measurements:
 * <ul>
 *   <li>cold: each run is a fresh process, as a deploy pipeline runs {@code underway migrate}
 *       (through the {@code ./underway} launcher) or {@code flyway migrate} (a JVM calling
 *       Flyway's API);</li>
 *   <li>warm: both libraries called in this JVM after a warm-up.</li>
 * </ul>
 */
public final class MigrationsBench {
    private MigrationsBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("--apply")) {
            apply(args[1], args[2], Path.of(args[3]));
            return;
        }
        int count = intArg(args, "--count", 500);
        int rounds = intArg(args, "--rounds", 7);
        Path dir = Files.createTempDirectory("underway-bench-migrations");
        write(dir, count);
        System.out.printf("Applying %d migrations (CREATE TABLE + INSERT each) to a fresh embedded PostgreSQL database,"
                + " %d rounds%n%n", count, rounds);

        double cold = compare("cold (a fresh JVM per run)", rounds, db -> process("underway", db, dir),
                db -> process("flyway", db, dir));
        Path warm = Files.createTempDirectory("underway-bench-warmup");
        write(warm, 50);
        inProcess("underway", TestDatabases.postgres(), warm);
        inProcess("flyway", TestDatabases.postgres(), warm);
        double hot = compare("warm (in-process, after a warm-up)", rounds, db -> inProcess("underway", db, dir),
                db -> inProcess("flyway", db, dir));
        psqlFloor(dir);
        System.out.printf("%nUnderway / Flyway %s: cold %.2f, warm %.2f (target: at most 0.50)%n", flywayVersion(), cold, hot);
    }

    private static double compare(String title, int rounds, ToLongFunction<TestDatabase> underway,
                                  ToLongFunction<TestDatabase> flyway) {
        System.out.println(title);
        List<Long> u = new ArrayList<>();
        List<Long> f = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            u.add(underway.applyAsLong(TestDatabases.postgres()));
            f.add(flyway.applyAsLong(TestDatabases.postgres()));
            System.out.printf("  round %d: underway %5d ms   flyway %5d ms%n", r + 1, u.get(r), f.get(r));
        }
        long um = median(u);
        long fm = median(f);
        System.out.printf("  median:  underway %5d ms   flyway %5d ms   ratio %.2f%n%n", um, fm, (double) um / fm);
        return (double) um / fm;
    }

    /** The same files through one psql process: the server's own time, for reference. */
    private static void psqlFloor(Path dir) throws IOException, InterruptedException {
        if (!new java.io.File("/usr/bin/psql").canExecute()) {
            return;
        }
        TestDatabase db = TestDatabases.postgres();
        Path all = Files.createTempFile("underway-bench", ".sql");
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= Files.list(dir).count(); i++) {
            sql.append("BEGIN;\n").append(Files.readString(dir.resolve("V" + i + "__create_table_" + i + ".sql"))).append("COMMIT;\n");
        }
        Files.writeString(all, sql);
        String url = db.url().replace("jdbc:", "").replace("postgresql://", "postgresql://postgres@");
        long t = System.nanoTime();
        Process p = new ProcessBuilder("/usr/bin/psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", all.toString(), url)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() == 0) {
            System.out.printf("reference: one psql process running the same files, a transaction each: %d ms%n",
                    (System.nanoTime() - t) / 1_000_000);
        }
    }

    private static String flywayVersion() {
        try (var in = Flyway.class.getResourceAsStream("/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            return "(version unknown)";
        }
    }

    private static long inProcess(String tool, TestDatabase db, Path dir) {
        long t = System.nanoTime();
        apply(tool, db.url(), dir);
        return (System.nanoTime() - t) / 1_000_000;
    }

    /** Underway through its launcher script, as users run it; Flyway through its API in a fresh JVM. */
    private static long process(String tool, TestDatabase db, Path dir) {
        Path jar = Path.of(MigrationsBench.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path launcher = jar.getParent().getParent().getParent().resolve("underway");
        List<String> cmd = tool.equals("underway")
                ? List.of(launcher.toString(), "migrate", "--url", db.url(), "--user", "postgres", "--dir", dir.toString())
                : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", jar.toString(),
                        BenchMain.class.getName(), "migrations", "--apply", tool, db.url(), dir.toString());
        long t = System.nanoTime();
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(tool + " exited with " + p.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static void apply(String tool, String url, Path dir) {
        if (tool.equals("underway")) {
            Underway.builder().url(url).user("postgres").directory(dir).build().migrate();
        } else {
            Flyway.configure().dataSource(url, "postgres", "").locations("filesystem:" + dir).load().migrate();
        }
    }

    static void write(Path dir, int count) throws IOException {
        for (int i = 1; i <= count; i++) {
            Files.writeString(dir.resolve("V" + i + "__create_table_" + i + ".sql"),
                    "CREATE TABLE bench_" + i + " (id int PRIMARY KEY, note text);\n"
                            + "INSERT INTO bench_" + i + " VALUES (1, 'migration " + i + "');\n");
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
    }

    static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
