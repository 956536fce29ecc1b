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
