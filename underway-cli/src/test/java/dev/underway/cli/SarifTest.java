package dev.underway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** SARIF artifact locations are valid URI references, relative to %SRCROOT% or absolute file URIs. */
class SarifTest {

    @Test
    void relativePathsArePercentEncodedAgainstTheSourceRoot() throws Exception {
        Sarif.ArtifactLocation location = Sarif.artifactLocation("sp ace/V2__s.sql");
        assertThat(location.uri()).isEqualTo("sp%20ace/V2__s.sql");
        assertThat(location.uriBaseId()).isEqualTo("%SRCROOT%");
        assertThat(new URI(location.uri()).getPath()).isEqualTo("sp ace/V2__s.sql");
        assertThat(Sarif.artifactLocation("db/migration/V1__ünï:x.sql").uri())
                .isEqualTo("db/migration/V1__%C3%BCn%C3%AF%3Ax.sql");
    }

    @Test
    void absolutePathsAreFileUris() throws Exception {
        Sarif.ArtifactLocation location = Sarif.artifactLocation("/tmp/x y/V2__s.sql");
        JsonNode json = new ObjectMapper().readTree(Json.write(location));
        assertThat(json.fieldNames()).toIterable().containsExactly("uri");
        assertThat(json.get("uri").asText()).isEqualTo("file:///tmp/x%20y/V2__s.sql");
        assertThat(Path.of(new URI(location.uri()))).isEqualTo(Path.of("/tmp/x y/V2__s.sql"));
    }
}
