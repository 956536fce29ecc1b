package dev.underway.cli;

import dev.underway.Interruption;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The database used when no URL is given: an embedded PostgreSQL whose data lives in
 * {@code .underway/embedded} under the working directory, so a second run sees the first
 * run's data. A file lock lets one underway process at a time use it; others wait.
 */
final class EmbeddedDefault implements AutoCloseable {
    static final Path DIR = Path.of(".underway");

    private final EmbeddedPostgres pg;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedDefault(EmbeddedPostgres pg, FileChannel lockChannel, FileLock lock) {
        this.pg = pg;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static EmbeddedDefault start(Path workDir, PrintWriter err) {
        Path home = workDir.resolve(DIR);
        Path data = home.resolve("embedded");
        FileChannel channel = null;
        try {
            Files.createDirectories(home);
            channel = FileChannel.open(home.resolve("embedded.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = waitForLock(channel, data, err);
            stopOrphanedServer(data, workDir, err);
            boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .start();
            err.println("No --url given: using the embedded PostgreSQL on port " + pg.getPort() + " with its data in "
                    + workDir.relativize(data) + (fresh ? " (created now)." : " (kept from earlier runs)."));
            err.flush();
            return new EmbeddedDefault(pg, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw UnderwayException.of(Reason.CONNECTION_FAILED, "cannot start the embedded PostgreSQL in " + data + ": " + e.getMessage()
                    + "; pass --url to use your own database");
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Waits as long as another underway process uses the embedded database; a stop request ends the wait. */
    private static FileLock waitForLock(FileChannel channel, Path data, PrintWriter err) throws IOException {
        FileLock[] held = new FileLock[1];
        Interruption.process().waitForLock("Waiting for the embedded database in " + data, "Nothing was changed.",
                () -> (held[0] = channel.tryLock()) != null, () -> {
                    err.println("Another underway process is using the embedded database in " + data
                            + "; waiting for it.");
                    err.flush();
                });
        return held[0];
    }

    /**
     * An underway process killed with -9 leaves its PostgreSQL running on the data directory (the
     * server is a process of its own). Holding the lock file means no live underway process uses
     * it, so it is an orphan: stop it (fast shutdown: open transactions roll back) before starting.
     * It must be the server of this data directory that {@code postmaster.pid} describes (its data
     * directory and start time), not a process that got the same pid since.
     */
    private static void stopOrphanedServer(Path data, Path workDir, PrintWriter err) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        long pid;
        String dataDir;
        long startedAt;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            pid = Long.parseLong(lines.get(0).strip());
            dataDir = lines.get(1).strip();
            startedAt = Long.parseLong(lines.get(2).strip());
        } catch (IOException | RuntimeException e) {
            return; // no pid file, or one PostgreSQL itself deals with
        }
        ProcessHandle server = ProcessHandle.of(pid).orElse(null);
        if (server == null) {
            return; // a stale file whose process is gone: PostgreSQL starts over it
        }
        if (!sameDirectory(dataDir, data) || !startedNear(server, startedAt)) {
            // The pid now belongs to another process (PostgreSQL would take it for a running server and refuse
            // to start). With the lock held no underway server runs here, so the file is stale.
            err.println("Removing a stale " + workDir.relativize(pidFile) + ": pid " + pid + " is another process now.");
            err.flush();
            Files.deleteIfExists(pidFile);
            return;
        }
        err.println("A PostgreSQL server (pid " + pid + ") left running on " + workDir.relativize(data) + " by an earlier"
                + " underway process that did not end normally; stopping it first.");
        err.flush();
        for (String signal : new String[] {"-INT", "-QUIT"}) {
            signal(signal, pid);
            // PostgreSQL removes its pid file when it has stopped (a process nobody reaps yet may still look alive).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (Files.exists(pidFile) && server.isAlive() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while stopping the PostgreSQL server left running there");
                }
            }
            if (!Files.exists(pidFile) || !server.isAlive()) {
                return;
            }
        }
        throw new IOException("the PostgreSQL server left running there (pid " + pid + ") did not stop; stop it with"
                + " kill " + pid);
    }

    private static boolean sameDirectory(String recorded, Path data) {
        try {
            return Files.isSameFile(Path.of(recorded), data);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean startedNear(ProcessHandle p, long epochSeconds) {
        return p.info().startInstant().map(i -> Math.abs(i.getEpochSecond() - epochSeconds) <= 5).orElse(false);
    }

    private static void signal(String signal, long pid) throws IOException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (kill.waitFor() != 0) {
                throw new IOException("kill " + signal + " " + pid + " failed (exit " + kill.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling pid " + pid);
        }
    }

    String url() {
        return pg.getJdbcUrl("postgres", "postgres");
    }

    String user() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException ignored) {
            // The server is stopped on JVM exit anyway.
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // Released when the channel closes.
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing else to release
            }
        }
    }
}
