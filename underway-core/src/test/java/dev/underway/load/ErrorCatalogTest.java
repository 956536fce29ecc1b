package dev.underway.load;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCatalogTest {
    @Test
    void theApplicationsErrorsAreKeptWithoutUrlPasswords() {
        ErrorCatalog catalog = new ErrorCatalog();
        int id = catalog.id(new SQLException("lost jdbc:mariadb://app:hunter2@db/app ", "08S01"));
        assertThat(catalog.state(id)).isEqualTo("08S01");
        assertThat(catalog.message(id)).isEqualTo("lost jdbc:mariadb://app:***@db/app");
    }
}
