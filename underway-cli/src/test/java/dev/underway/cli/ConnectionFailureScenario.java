package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a command reports a database it cannot reach, on a real server of each engine: an unknown database, an
 * unknown host, and a listener that accepts connections and never answers (a proxy in front of nothing, the wrong
 * service). Each is exit 2 with one message naming server, database and user and saying what to do.
 */
abstract class ConnectionFailureScenario {
    @TempDir
    Path work;
    TestDatabase db;
    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    abstract TestDatabase database();

    /** The URL scheme and default port of this engine. */
    abstract String scheme();

    @BeforeEach
    void setUp() {
        db = database();
    }

    @AfterEach
    void closeListener() throws IOException {
        if (silent != null) {
            silent.close();
        }
        for (Socket s : accepted) {
            s.close();
        }
    }

    /** The test database's URL naming another database. */
    String withDatabase(String name) {
        return db.url().replaceFirst("/" + db.name() + "(?=\\?|$)", "/" + name);
    }

    private static void assertOneClearMessage(Cli c) {
        assertThat(c.exitCode()).as(c.err()).isEqualTo(2);
        assertThat(c.err()).doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(c.err().lines().filter(l -> l.startsWith("error:"))).hasSize(1);
    }

    @Test
    void anUnknownDatabaseIsNamedWithWhatToDo() {
        Cli c = Cli.run(work, "info", "--url", withDatabase("no_such_db"), "--user", db.user());
        assertOneClearMessage(c);
        assertThat(c.err()).contains("database no_such_db, as user " + db.user() + ")")
                .contains("the server has no database no_such_db")
                .contains("Create it (CREATE DATABASE no_such_db) or fix the database name at the end of --url");
    }

    @Test
    void aUserGivenInTheUrlIsTheOneNamed() {
        String url = withDatabase("no_such_db");
        Cli c = Cli.run(work, "status", "--url", url + (url.contains("?") ? "&" : "?") + "user=" + db.user());
        assertOneClearMessage(c);
        assertThat(c.err()).contains("as user " + db.user() + ")").doesNotContain("default user")
                .doesNotContain("no --user given");
    }

    @Test
    void anUnknownHostIsNamed() {
        Cli c = Cli.run(work, "migrate", "--url", scheme() + "//no-such-host.invalid/app", "--user", "app");
        assertOneClearMessage(c);
        assertThat(c.err()).contains("the host name no-such-host.invalid does not resolve (unknown host)")
                .doesNotContain("The connection attempt failed");
    }

    private String silentListener() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (!silent.isClosed()) {
                    accepted.add(silent.accept()); // accepted, never read, never answered
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-listener");
        acceptor.setDaemon(true);
        acceptor.start();
        return scheme() + "//127.0.0.1:" + silent.getLocalPort() + "/app";
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aSilentListenerIsGivenUpOnAfterTheConnectTimeout() throws IOException {
        String url = silentListener();
        for (String command : new String[] {"info", "lint"}) {
            long start = System.nanoTime();
            Cli c = command.equals("info")
                    ? Cli.run(work, "info", "--url", url, "--user", "app", "--connect-timeout", "1s")
                    : Cli.run(work, "lint", "--url", url, "--user", "app", "--connect-timeout", "1s", work.toString());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertOneClearMessage(c);
            assertThat(c.err()).as(command).contains("127.0.0.1:" + silent.getLocalPort()
                    + " accepted the connection but did not answer within 1s (--connect-timeout)");
            assertThat(ms).as(command + " gave up after the timeout, not before").isBetween(900L, 6_000L);
        }
    }

    /** Without the option both engines give up after 10 s (the drivers alone: PostgreSQL 5 s, MariaDB 30 s). */
    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void theDefaultConnectTimeoutIsTenSecondsOnBothEngines() throws IOException {
        String url = silentListener();
        long start = System.nanoTime();
        Cli c = Cli.run(work, "validate", "--url", url, "--user", "app");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertOneClearMessage(c);
        assertThat(c.err()).contains("did not answer within 10s (--connect-timeout)");
        assertThat(ms).isBetween(9_500L, 20_000L);
    }
}
