package dev.underway.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared unpacking on a small stand-in for a binaries artifact (the real one is 350 MB unpacked). */
class MariaDbBinariesTest {
    private static final String LOCATION = "dev/underway/testkit/binaries/mariadb-0.0.1/linux";

    @TempDir
    Path cache;

    @BeforeEach
    void useTheTemporaryCache() {
        System.setProperty(MariaDbBinaries.CACHE, cache.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(MariaDbBinaries.CACHE);
    }

    @Test
    void unpacksOnceIntoOneDirectoryPerVersionWithItsProgramsExecutable() throws Exception {
        Path dir = MariaDbBinaries.unpacked(LOCATION);
        assertThat(dir).isEqualTo(cache.resolve("mariadb-0.0.1-linux"));
        assertThat(dir.resolve("bin/mariadbd")).isExecutable();
        assertThat(dir.resolve("scripts/mariadb-install-db")).isExecutable();
        assertThat(dir.resolve("share/errmsg.txt")).hasContent("not a program");

        Path mark = Files.writeString(dir.resolve("unpacked-here"), "");
        assertThat(MariaDbBinaries.unpacked(LOCATION)).isEqualTo(dir);
        assertThat(mark).as("a second JVM uses the directory as it is").exists();
    }

    @Test
    void aStagingDirectoryOfAJvmThatDiedIsRemovedAndNeverTakenForTheBinaries() throws Exception {
        Path dead = Files.createDirectories(cache.resolve("mariadb-0.0.1-linux.unpacking-123/bin"));
        Path dir = MariaDbBinaries.unpacked(LOCATION);
        assertThat(dead.getParent()).doesNotExist();
        assertThat(dir.resolve("bin/mariadbd")).isExecutable();
        try (var entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("mariadb-0.0.1-linux", "mariadb-0.0.1-linux.lock");
        }
    }

    @Test
    void aLocationWithoutBinariesLeavesNoDirectoryBehind() throws Exception {
        assertThatThrownBy(() -> MariaDbBinaries.unpacked("dev/underway/testkit/binaries/mariadb-9.9.9/linux"))
                .hasMessageContaining("mariadb-9.9.9");
        try (var entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("mariadb-9.9.9-linux.lock");
        }
    }
}
