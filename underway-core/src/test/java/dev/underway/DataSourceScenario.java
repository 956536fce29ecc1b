package dev.underway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.underway.exec.Workspace;
import dev.underway.migration.MigrateResult;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.SqlStatement;
import dev.underway.observe.MigrationListener;
import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Embedding with the caller's connection pool: every command borrows from it, the migration lock holds a
 * connection of its own, and closing {@link Underway} leaves the pool open. Run per engine by
 * {@code PostgresDataSourceIT} and {@code MariaDbDataSourceIT}.
 */
abstract class DataSourceScenario {
    @TempDir
    Path dir;
    TestDatabase db;
    HikariDataSource pool;

    abstract TestDatabase newDatabase();

    /** The id of the session {@code c} is, as the engine's lock holder description names it. */
    abstract String sessionId(Connection c) throws SQLException;

    /** What Underway changes in a session to use a target schema: PostgreSQL's search_path, MySQL's database. */
    abstract String sessionSchemaSql();

    /** A target schema (PostgreSQL) or database (MariaDB) other than the connection's own. */
    abstract String otherSchema();

    @BeforeEach
    void setUp() {
        db = newDatabase();
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(db.url());
        hc.setUsername(db.user());
        hc.setPassword(db.password());
        hc.setMaximumPoolSize(4);
        pool = new HikariDataSource(hc);
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    @Test
    void everyCommandBorrowsFromThePoolAndClosingLeavesItOpen() throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);");
        MigrateResult r;
        try (Underway uw = Underway.builder().dataSource(pool).directory(dir).build()) {
            r = uw.migrate();
            assertThat(uw.info().migrations()).singleElement().satisfies(m -> assertThat(m.state().label()).isEqualTo("applied"));
            assertThat(uw.validate().errors()).isEmpty();
            assertThat(r.database()).isEqualTo(uw.info().database());
        }
        assertThat(r.applied()).hasSize(1);
        assertThat(pool.isClosed()).isFalse();
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isPositive();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void theMigrationLockHoldsAConnectionOfItsOwnForTheRun() throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);");
        Files.writeString(dir.resolve("V2__u.sql"), "CREATE TABLE u (id int);");
        List<String> seen = new ArrayList<>();
        try (Underway probe = Underway.builder().dataSource(pool).directory(dir).build()) {
            Workspace w = Workspace.open(probe.config());
            MigrationListener listener = new MigrationListener() {
                @Override
                public void beforeStatement(PendingMigration m, SqlStatement s, Connection session) {
                    try {
                        String holder = w.db().dialect().sessionLocks().holder(session, w.lockName()).orElseThrow();
                        String self = sessionId(session);
                        seen.add(self + " vs " + holder);
                        assertThat(holder).doesNotContain(self + ",");
                        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isGreaterThanOrEqualTo(2);
                    } catch (SQLException e) {
                        throw new AssertionError(e);
                    }
                }
            };
            try (Underway uw = Underway.builder().dataSource(pool).directory(dir).listener(listener).build()) {
                assertThat(uw.migrate().applied()).hasSize(2);
            }
        }
        assertThat(seen).hasSize(2);
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void aBorrowedConnectionGoesBackToThePoolWithItsSessionAsItWas() throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);");
        try (HikariDataSource one = single()) {
            String before = sessionSchema(one);
            try (Underway uw = Underway.builder().dataSource(one).schema(otherSchema()).directory(dir).build()) {
                assertThat(uw.migrate().targetSchema()).isEqualTo(otherSchema());
                assertThat(uw.info().migrations()).hasSize(1);
            }
            assertThat(sessionSchema(one)).isEqualTo(before);
            assertThat(one.getHikariPoolMXBean().getTotalConnections()).isEqualTo(2);
        }
    }

    /** Two connections: the migration lock's and one for statements, each reused by every borrower. */
    private HikariDataSource single() {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(db.url());
        hc.setUsername(db.user());
        hc.setPassword(db.password());
        hc.setMaximumPoolSize(2);
        hc.setMinimumIdle(2);
        return new HikariDataSource(hc);
    }

    private String sessionSchema(HikariDataSource ds) throws SQLException {
        // Borrow both, so the probe sees the session of the one that ran the migrations too.
        try (Connection a = ds.getConnection(); Connection b = ds.getConnection();
             Statement sa = a.createStatement(); ResultSet ra = sa.executeQuery(sessionSchemaSql());
             Statement sb = b.createStatement(); ResultSet rb = sb.executeQuery(sessionSchemaSql())) {
            ra.next();
            rb.next();
            assertThat(rb.getString(1)).isEqualTo(ra.getString(1));
            return ra.getString(1);
        }
    }

    @Test
    void aClosedInstanceRefusesCommandsAndAURLStillWorksBesideTheDataSource() throws Exception {
        Underway uw = Underway.builder().dataSource(pool).url(db.url()).directory(dir).build();
        assertThat(uw.info().migrations()).isEmpty();
        uw.close();
        assertThatThrownBy(uw::info).isInstanceOf(IllegalStateException.class);
        assertThat(pool.isClosed()).isFalse();
    }
}
