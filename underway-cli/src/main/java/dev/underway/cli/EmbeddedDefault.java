package dev.underway.cli;

import dev.underway.UnderwayException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
            FileLock lock = channel.tryLock();
            if (lock == null) {
                err.println("Another underway process is using the embedded database in " + data + "; waiting for it.");
                err.flush();
                lock = channel.lock();
            }
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
            throw UnderwayException.usage("cannot start the embedded PostgreSQL in " + data + ": " + e.getMessage()
                    + "; pass --url to use your own database");
        }
    }

    /**
     * An underway process killed with -9 leaves its PostgreSQL running on the data directory (the
     * server is a process of its own). Holding the lock file means no live underway process uses
     * it, so it is an orphan: stop it (fast shutdown: open transactions roll back) before starting.
     */
    private static void stopOrphanedServer(Path data, Path workDir, PrintWriter err) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return; // PostgreSQL itself deals with a damaged pid file
        }
        ProcessHandle server = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false)).orElse(null);
        if (server == null) {
            return; // a stale file from a server that is gone: PostgreSQL starts over it
        }
        err.println("A PostgreSQL server (pid " + pid + ") left running on " + workDir.relativize(data) + " by an earlier"
                + " underway process that did not end normally; stopping it first.");
        err.flush();
        for (String signal : new String[] {"-INT", "-QUIT"}) {
            new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
            try {
                server.onExit().get(30, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException e) {
                // try the next, stronger signal
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                break;
            }
        }
        if (server.isAlive()) {
            throw new IOException("the PostgreSQL server left running there (pid " + pid + ") did not stop; stop it with"
                    + " kill " + pid);
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
