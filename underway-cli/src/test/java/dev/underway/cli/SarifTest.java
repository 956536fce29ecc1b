package dev.underway.cli;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SARIF artifact locations are valid URI references, relative to %SRCROOT% or absolute file URIs. */
class SarifTest {

    @Test
    void relativePathsArePercentEncodedAgainstTheSourceRoot() throws Exception {
        Map<String, Object> location = Sarif.artifactLocation("sp ace/V2__s.sql");
        assertThat(location).containsEntry("uri", "sp%20ace/V2__s.sql").containsEntry("uriBaseId", "%SRCROOT%");
        assertThat(new URI((String) location.get("uri")).getPath()).isEqualTo("sp ace/V2__s.sql");
        assertThat(Sarif.artifactLocation("db/migration/V1__ünï:x.sql"))
                .containsEntry("uri", "db/migration/V1__%C3%BCn%C3%AF%3Ax.sql");
    }

    @Test
    void absolutePathsAreFileUris() throws Exception {
        Map<String, Object> location = Sarif.artifactLocation("/tmp/x y/V2__s.sql");
        assertThat(location).containsOnlyKeys("uri").containsEntry("uri", "file:///tmp/x%20y/V2__s.sql");
        assertThat(Path.of(new URI((String) location.get("uri")))).isEqualTo(Path.of("/tmp/x y/V2__s.sql"));
    }
}
