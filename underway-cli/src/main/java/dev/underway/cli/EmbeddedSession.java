package dev.underway.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Starts the embedded default database at most once per command and stops it when the command ends. */
final class EmbeddedSession implements AutoCloseable {
    private final Path workDir;
    private EmbeddedDefault server;

    EmbeddedSession(Path workDir) {
        this.workDir = workDir;
    }

    EmbeddedDefault start(PrintWriter err) {
        if (server == null) {
            server = EmbeddedDefault.start(workDir, err);
        }
        return server;
    }

    @Override
    public void close() {
        if (server != null) {
            // A stop signal interrupts the command's thread; stopping the server must still wait for pg_ctl.
            Thread.interrupted();
            server.close();
            server = null;
        }
    }
}
