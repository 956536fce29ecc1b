package dev.underway.config;

import dev.underway.dialect.DatabaseKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlTest {
    @Test
    void postgresUrlsNameHostsPortsDatabaseAndUser() {
        assertThat(JdbcUrl.parse("jdbc:postgresql://db:5433/app?user=app&password=x", DatabaseKind.POSTGRESQL))
                .isEqualTo(new JdbcUrl(List.of("db:5433"), "app", "app", false));
        assertThat(JdbcUrl.parse("jdbc:postgresql://db/app", DatabaseKind.POSTGRESQL))
                .isEqualTo(new JdbcUrl(List.of("db:5432"), "app", null, false));
        assertThat(JdbcUrl.parse("jdbc:postgresql://h1:5432,h2/app?targetServerType=primary", DatabaseKind.POSTGRESQL)
                .allHosts()).isEqualTo("h1:5432, h2:5432");
        assertThat(JdbcUrl.parse("jdbc:postgresql://[::1]:6543/app", DatabaseKind.POSTGRESQL).hosts())
                .containsExactly("[::1]:6543");
        assertThat(JdbcUrl.parse("jdbc:postgresql://[::1]/app", DatabaseKind.POSTGRESQL).hosts())
                .containsExactly("[::1]:5432");
        assertThat(JdbcUrl.parse("jdbc:postgresql:app", DatabaseKind.POSTGRESQL))
                .isEqualTo(new JdbcUrl(List.of("localhost:5432"), "app", null, false));
        assertThat(JdbcUrl.parse("jdbc:postgresql://db/", DatabaseKind.POSTGRESQL).database()).isNull();
    }

    @Test
    void mysqlFamilyUrls() {
        assertThat(JdbcUrl.parse("jdbc:mariadb://db/app?user=u", DatabaseKind.MARIADB))
                .isEqualTo(new JdbcUrl(List.of("db:3306"), "app", "u", false));
        assertThat(JdbcUrl.parse("jdbc:mariadb:replication://p:3307,r/app", DatabaseKind.MARIADB).hosts())
                .containsExactly("p:3307", "r:3306");
        assertThat(JdbcUrl.parse("jdbc:mariadb://address=(host=a)(port=3310),address=(host=b)/app", DatabaseKind.MARIADB)
                .hosts()).containsExactly("a:3310", "b:3306");
        // user:password@ is no part of a JDBC URL to either driver: noted, the password never kept.
        JdbcUrl withInfo = JdbcUrl.parse("jdbc:mysql://a:p@ss@h:1/x", DatabaseKind.MYSQL);
        assertThat(withInfo).isEqualTo(new JdbcUrl(List.of("h:1"), "x", null, true));
        assertThat(withInfo.toString()).doesNotContain("p@ss");
    }

    @Test
    void whatCannotBeReadIsLeftEmpty() {
        assertThat(JdbcUrl.parse("jdbc:postgresql", DatabaseKind.POSTGRESQL).allHosts()).isEqualTo("the server of the URL");
    }
}
