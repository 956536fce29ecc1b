package dev.underway.dialect;

import dev.underway.config.ConnectionSettings;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {
    @Test
    void removesPasswordsFromUrls() {
        assertThat(Redaction.url("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=***&ssl=true");
        assertThat(Redaction.url("jdbc:mysql://app:s3cret@db:3306/app")).isEqualTo("jdbc:mysql://app:***@db:3306/app");
        assertThat(Redaction.url("jdbc:mariadb://db/app?PASSWORD=x;y")).doesNotContain("x;y");
    }

    @Test
    void connectionSettingsNeverPrintThePassword() {
        assertThat(new ConnectionSettings("jdbc:postgresql://db/app?password=hunter2", "app", "hunter3").toString())
                .doesNotContain("hunter2").doesNotContain("hunter3");
    }

    @Test
    void driverMessagesLoseTheSecretsWhereverTheyQuoteThem() {
        ConnectionSettings s = new ConnectionSettings("jdbc:mysql://a:hunter2@db:1/x?sslpassword=k3yz", "a", "hunter3");
        String described = s.describe(new SQLException("Incorrect port value : hunter2@db; key k3yz; pass hunter3", "08000"));
        assertThat(described).isEqualTo("Incorrect port value : ***@db; key ***; pass *** [SQLSTATE 08000]");
        assertThat(Redaction.secretsIn("jdbc:postgresql://db/app?user=u&password=p1&x=1")).contains("p1");
        // A password with an @ (as the driver splits it), and its URL-encoded form.
        ConnectionSettings at = new ConnectionSettings("jdbc:mariadb://a:p@ss@h:1/x", null, null);
        assertThat(at.describe(new SQLException("Incorrect port value : p@ss@127.0.0.1")))
                .isEqualTo("Incorrect port value : ***@127.0.0.1");
        assertThat(Redaction.url("jdbc:mariadb://a:p@ss@h:1/x")).isEqualTo("jdbc:mariadb://a:***@h:1/x");
        ConnectionSettings encoded = new ConnectionSettings("jdbc:mysql://a:p%40ssword@h/x", null, null);
        assertThat(encoded.describe(new SQLException("Access denied (using password p@ssword)")))
                .isEqualTo("Access denied (using password ***)");
        // The longer of two overlapping secrets is replaced whole; a very short one is not cut out of words.
        ConnectionSettings overlap = new ConnectionSettings("jdbc:mysql://a:abcd@h/x", "a", "abcdef");
        assertThat(overlap.describe(new SQLException("got abcdef"))).isEqualTo("got ***");
        ConnectionSettings shortOne = new ConnectionSettings("jdbc:postgresql://h/x", "u", "e");
        assertThat(shortOne.describe(new SQLException("authentication failed"))).isEqualTo("authentication failed");
    }

    @Test
    void mysqlUrlsGoThroughTheMariadbDriverWithPermission() {
        assertThat(DatabaseKind.MYSQL.driverUrl("jdbc:mysql://h/db")).isEqualTo("jdbc:mysql://h/db?permitMysqlScheme");
        assertThat(DatabaseKind.MYSQL.driverUrl("jdbc:mysql://h/db?a=b")).isEqualTo("jdbc:mysql://h/db?a=b&permitMysqlScheme");
        assertThat(DatabaseKind.POSTGRESQL.driverUrl("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void serverVersionsParseFromProductStrings() {
        assertThat(ServerVersion.parse("11.4.5-MariaDB").isSameOrAfter(11, 4, 5)).isTrue();
        assertThat(ServerVersion.parse("16.4 (Debian 16.4-1)").isSameOrAfter(16, 5)).isFalse();
        assertThat(ServerVersion.parse("8.0.36").toString()).isEqualTo("8.0.36");
    }

    @Test
    void anyFailureShownToAUserLosesUrlPasswords() {
        SQLException driver = new SQLException("cannot reach jdbc:postgresql://app:hunter2@db/app?password=s3cret", "08001");
        assertThat(Redaction.message(driver)).isEqualTo("cannot reach jdbc:postgresql://app:***@db/app?password=***"
                + " [SQLSTATE 08001]");
        assertThat(Redaction.message(new IllegalStateException(" jdbc:mysql://a:hunter2@h/x ")))
                .isEqualTo("jdbc:mysql://a:***@h/x");
        assertThat(Redaction.message(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
