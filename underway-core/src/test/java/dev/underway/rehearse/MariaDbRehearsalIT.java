package dev.underway.rehearse;

import dev.underway.Underway;
import dev.underway.migration.MigrationVersion;
import dev.underway.report.RehearsalReport;
import dev.underway.report.RehearsalRequest;
import dev.underway.report.StepReport;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rehearsal on MariaDB: locks come from the verdict (a DDL statement has released its metadata locks by the time it
 * returns), rewrites from InnoDB's table ids, which a rebuild replaces and INSTANT keeps.
 */
class MariaDbRehearsalIT {
    @TempDir
    Path dir;

    @Test
    void rebuildsAreSeenByTheirNewTableIdAndLocksComeFromTheVerdict() throws Exception {
        TestDatabase db = TestDatabases.mariadb();
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY AUTO_INCREMENT,"
                + " name varchar(40) NOT NULL, score int);");
        Files.writeString(dir.resolve("V2__change.sql"), "ALTER TABLE t ADD COLUMN note varchar(20);\n"
                + "ALTER TABLE t MODIFY score bigint;\n"
                + "ALTER TABLE t ADD INDEX t_name (name);");

        RehearsalReport r = Underway.builder().url(db.url()).user(db.user()).password(db.password()).schema(db.name())
                .stateSchema(db.name()).stateTablePrefix("underway_").build()
                .rehearse(RehearsalRequest.builder(dir).from(MigrationVersion.parse("2"))
                .defaultRows(2000).clients(2).ratePerSecond(100).warmup(Duration.ofMillis(500))
                .cooldown(Duration.ofMillis(500)).build(), null);

        assertThat(r.database()).startsWith("MariaDB");
        assertThat(r.filled()).singleElement().satisfies(f -> assertThat(f.rows()).isEqualTo(2000));
        assertThat(r.statements()).hasSize(3);
        StepReport add = r.statements().get(0);
        StepReport retype = r.statements().get(1);
        StepReport index = r.statements().get(2);
        assertThat(add.lockSource()).isEqualTo("verdict");
        assertThat(add.lockMode()).isEqualTo(add.lockMode().toUpperCase()).contains("INSTANT");
        assertThat(add.rewrite()).isFalse();
        assertThat(retype.lockMode()).contains("COPY");
        assertThat(retype.rewrite()).isTrue();
        assertThat(retype.rewritten()).containsExactly("t");
        assertThat(retype.lint()).contains("MY201");
        assertThat(index.rewrite()).isFalse();
        assertThat(r.load().overall().queries()).isPositive();
        assertThat(r.load().tables()).containsExactly("t");
    }
}
