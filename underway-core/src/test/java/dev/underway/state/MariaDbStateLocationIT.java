package dev.underway.state;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.underway.Underway;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where MariaDB keeps the state by default: inside the target database, so it goes when the database goes;
 * a history left in the separate {@code underway} database by earlier versions is still found and used.
 */
class MariaDbStateLocationIT {
    @TempDir
    Path dir;
    TestDatabase db;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.mariadb();
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int PRIMARY KEY);");
        Files.writeString(dir.resolve("V2__b.sql"), "CREATE TABLE b (id int PRIMARY KEY);");
        log.start();
        ((Logger) LoggerFactory.getLogger(StateLocator.class)).addAppender(log);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(StateLocator.class)).detachAppender(log);
    }

    private Underway.Builder builder() {
        return Underway.builder().url(db.url()).user(db.user()).password(db.password()).directory(dir);
    }

    @Test
    void aFreshTargetKeepsItsHistoryInsideItself() throws Exception {
        builder().build().migrate();
        assertThat(db.column("SELECT version FROM `" + db.name() + "`.underway_history ORDER BY installed_rank"))
                .containsExactly("1", "2");
        assertThat(rowsInLegacyHistory()).isZero();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void droppingAndRecreatingTheDatabaseAppliesEverythingAgain() throws Exception {
        builder().build().migrate();
        db.exec("DROP DATABASE `" + db.name() + "`", "CREATE DATABASE `" + db.name() + "`");
        assertThat(builder().build().migrate().applied()).extracting(a -> a.label()).containsExactly("V1", "V2");
        assertThat(db.column("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + db.name()
                + "' AND table_name IN ('a', 'b') ORDER BY table_name")).containsExactly("a", "b");
    }

    @Test
    void aHistoryInTheLegacyDatabaseIsUsedAndHowToMoveItIsSaid() throws Exception {
        Files.delete(dir.resolve("V2__b.sql"));
        builder().stateSchema("underway").build().migrate();
        Files.writeString(dir.resolve("V2__b.sql"), "CREATE TABLE b (id int PRIMARY KEY);");

        // Found there: V1 is not applied again, V2 joins it in the same table.
        assertThat(builder().build().migrate().applied()).extracting(a -> a.label()).containsExactly("V2");
        assertThat(rowsInLegacyHistory()).isEqualTo(2);
        assertThat(tableExists("underway_history")).isFalse();
        assertThat(warnings()).singleElement().asString()
                .contains("is in the separate database underway")
                .contains("stateSchema(\"underway\")").doesNotContain("--state-schema")
                .contains("CREATE TABLE `" + db.name() + "`.`underway_history` LIKE `underway`.`history`;");

        // The statements the warning gives move it; afterwards the default finds it inside the target, silently.
        for (String statement : moveStatements(warnings().get(0))) {
            db.exec(statement);
        }
        log.list.clear();
        assertThat(rowsInLegacyHistory()).isZero();
        assertThat(builder().build().migrate().applied()).isEmpty();
        assertThat(builder().build().info().migrations()).extracting(m -> m.state().label())
                .containsExactly("applied", "applied");
        assertThat(db.column("SELECT version FROM `" + db.name() + "`.underway_history ORDER BY installed_rank"))
                .containsExactly("1", "2");
        assertThat(warnings()).isEmpty();
    }

    @Test
    void anExplicitStateSchemaIsTakenAsGiven() throws Exception {
        builder().stateSchema("underway").build().migrate();
        log.list.clear();
        assertThat(builder().stateSchema("underway").build().migrate().applied()).isEmpty();
        assertThat(warnings()).isEmpty();
        assertThat(tableExists("underway_history")).isFalse();
    }

    private List<String> moveStatements(String warning) {
        return warning.lines().map(String::strip).filter(l -> l.matches("(CREATE|INSERT|DELETE) .*;"))
                .map(l -> l.substring(0, l.length() - 1)).toList();
    }

    private List<String> warnings() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(db.name())).toList();
    }

    private long rowsInLegacyHistory() throws SQLException {
        if (db.column("SELECT table_name FROM information_schema.tables WHERE table_schema = 'underway'"
                + " AND table_name = 'history'").isEmpty()) {
            return 0;
        }
        return Long.parseLong(db.column("SELECT count(*) FROM underway.history WHERE target_schema = '" + db.name() + "'")
                .get(0));
    }

    private boolean tableExists(String table) throws SQLException {
        return !db.column("SELECT 1 FROM information_schema.tables WHERE table_schema = '" + db.name()
                + "' AND table_name = '" + table + "'").isEmpty();
    }
}
