package dev.underway.dialect.mysql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlBlockersTest {
    @Test
    void metadataLockCompatibilityFollowsTheServersMatrix() {
        // An ALTER's final EXCLUSIVE request conflicts with every reader and writer.
        assertThat(MySqlBlockers.compatible("EXCLUSIVE", "SHARED_READ")).isFalse();
        // Its first step (SHARED_UPGRADABLE) goes together with readers and writers, not with another DDL.
        assertThat(MySqlBlockers.compatible("SHARED_UPGRADABLE", "SHARED_READ")).isTrue();
        assertThat(MySqlBlockers.compatible("SHARED_UPGRADABLE", "SHARED_WRITE")).isTrue();
        assertThat(MySqlBlockers.compatible("SHARED_UPGRADABLE", "SHARED_UPGRADABLE")).isFalse();
        // LOCK=SHARED (SHARED_NO_WRITE) waits for writers, not for readers.
        assertThat(MySqlBlockers.compatible("SHARED_NO_WRITE", "SHARED_WRITE")).isFalse();
        assertThat(MySqlBlockers.compatible("SHARED_NO_WRITE", "SHARED_READ")).isTrue();
        assertThat(MySqlBlockers.compatible("SHARED_WRITE", "SHARED_NO_WRITE")).isFalse();
        assertThat(MySqlBlockers.compatible("INTENTION_EXCLUSIVE", "INTENTION_EXCLUSIVE")).isTrue();
        assertThat(MySqlBlockers.compatible("INTENTION_EXCLUSIVE", "SHARED")).isFalse();
        assertThat(MySqlBlockers.known("BACKUP_DML")).isFalse();
        assertThat(MySqlBlockers.known("SHARED_NO_READ_WRITE")).isTrue();
    }
}
