package dev.underway.dialect.mysql;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** SHOW GRANTS lines as MariaDB 11.4 prints them (pinned in MariaDbPrivilegesIT), and MySQL 8's forms. */
class MySqlGrantsTest {
    private static MySqlGrants grants(String... lines) {
        return MySqlGrants.parse(List.of(lines));
    }

    @Test
    void databaseLevelGrantsCoverTheDatabaseAndItsTablesOnly() {
        MySqlGrants g = grants("GRANT USAGE ON *.* TO `app`@`%` IDENTIFIED BY PASSWORD '*7C67218EF7410F24'",
                "GRANT ALL PRIVILEGES ON `app`.* TO `app`@`%`");
        assertThat(g.holds("CREATE", "app", null)).contains(true);
        assertThat(g.holds("UPDATE", "app", "underway_history")).contains(true);
        assertThat(g.holds("CREATE", "underway", null)).contains(false);
        assertThat(g.holds("SELECT", "underway", "history")).contains(false);
    }

    @Test
    void tableLevelGrantsCoverThatTableOnlyAndColumnGrantsNothingTableWide() {
        MySqlGrants g = grants("GRANT USAGE ON *.* TO `app`@`%`",
                "GRANT SELECT (`id`, `name`), INSERT ON `app2`.`t` TO `app`@`%`");
        assertThat(g.holds("INSERT", "app2", "t")).contains(true);
        assertThat(g.holds("SELECT", "app2", "t")).contains(false);
        assertThat(g.holds("INSERT", "app2", "u")).contains(false);
        assertThat(g.holds("CREATE", "app2", null)).contains(false);
    }

    @Test
    void globalGrantsCoverEverything() {
        MySqlGrants g = grants("GRANT SELECT, INSERT, UPDATE, CREATE ON *.* TO `ops`@`localhost` WITH GRANT OPTION");
        assertThat(g.holds("CREATE", "anything", null)).contains(true);
        assertThat(g.holds("DELETE", "anything", "t")).contains(false);
    }

    @Test
    void databaseNamesInGrantsAreLikePatternsWithEscapes() {
        MySqlGrants g = grants("GRANT USAGE ON *.* TO `app`@`%`", "GRANT SELECT ON `app\\_x%`.* TO `app`@`%`",
                "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE ON `test\\_%`.* TO PUBLIC");
        assertThat(g.holds("SELECT", "app_x1", "t")).contains(true);
        assertThat(g.holds("SELECT", "appax1", "t")).contains(false);
        assertThat(g.holds("CREATE", "test_7", null)).contains(true);
        assertThat(MySqlGrants.like("a_b%", "axbyyy")).isTrue();
        assertThat(MySqlGrants.like("a\\_b", "axb")).isFalse();
    }

    @Test
    void quotedNamesKeepTheirBackticks() {
        MySqlGrants g = grants("GRANT ALL PRIVILEGES ON `we``ird.db`.* TO `app`@`%`");
        assertThat(g.holds("CREATE", "we`ird.db", null)).contains(true);
    }

    @Test
    void rolesAndPartialRevokesMakeTheGrantsUnknown() {
        assertThat(grants("GRANT USAGE ON *.* TO `app`@`%`", "GRANT `deployer` TO `app`@`%`")
                .holds("CREATE", "app", null)).isEqualTo(Optional.empty());
        assertThat(grants("GRANT SELECT ON *.* TO `app`@`%`", "REVOKE SELECT ON `mysql`.* FROM `app`@`%`")
                .holds("SELECT", "app", "t")).isEmpty();
        assertThat(MySqlGrants.unknown().holds("SELECT", "app", "t")).isEmpty();
    }

    @Test
    void proxyAndRoutineGrantsAreNotAboutTables() {
        MySqlGrants g = grants("GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION",
                "GRANT PROXY ON ''@'%' TO 'root'@'localhost' WITH GRANT OPTION",
                "GRANT EXECUTE ON PROCEDURE `app`.`p` TO `root`@`localhost`");
        assertThat(g.holds("CREATE", "underway", null)).contains(true);
    }
}
