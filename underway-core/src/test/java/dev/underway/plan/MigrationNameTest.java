package dev.underway.plan;

import dev.underway.migration.MigrationCategory;
import dev.underway.migration.MigrationName;
import dev.underway.migration.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationNameTest {

    @Test
    void parsesVersionedAndRepeatableNames() {
        MigrationName v = MigrationName.parse("V1_2__add_user_email.sql").orElseThrow();
        assertThat(v.category()).isEqualTo(MigrationCategory.VERSIONED);
        assertThat(v.version()).isEqualTo(MigrationVersion.parse("1.2"));
        assertThat(v.description()).isEqualTo("add user email");
        MigrationName r = MigrationName.parse("R__refresh_views.sql").orElseThrow();
        assertThat(r.category()).isEqualTo(MigrationCategory.REPEATABLE);
        assertThat(r.version()).isNull();
        assertThat(r.label()).isEqualTo("R \"refresh views\"");
    }

    @Test
    void wouldBeMigrationsThatDoNotParseAreRecognisedWithAReason() {
        assertThat(MigrationName.parse("V1_init.sql")).isEmpty();
        assertThat(MigrationName.looksLikeMigration("V1_init.sql")).isTrue();
        assertThat(MigrationName.problem("V1_init.sql")).contains("two underscores");
        assertThat(MigrationName.looksLikeMigration("v2__lower.sql")).isTrue();
        assertThat(MigrationName.problem("v2__lower.sql")).contains("upper-case V");
        assertThat(MigrationName.looksLikeMigration("V3__shout.SQL")).isTrue();
        assertThat(MigrationName.problem("V3__shout.SQL")).contains(".sql in lower case");
        assertThat(MigrationName.looksLikeMigration("R1__x.sql")).isTrue();
        assertThat(MigrationName.problem("R1__x.sql")).contains("without a version");
        assertThat(MigrationName.looksLikeMigration("V1.x__a.sql")).isTrue();
        assertThat(MigrationName.problem("V1.x__a.sql")).contains("numbers separated by dots");
    }

    @Test
    void otherSqlFilesAreNotMigrations() {
        assertThat(MigrationName.looksLikeMigration("seed.sql")).isFalse();
        assertThat(MigrationName.looksLikeMigration("Views.sql")).isFalse();
        assertThat(MigrationName.looksLikeMigration("README.sql")).isFalse();
    }
}
