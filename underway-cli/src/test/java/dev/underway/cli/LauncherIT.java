package dev.underway.cli;

import dev.underway.testkit.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The launchers ./underway and underway-bench/bench when they cannot build. */
class LauncherIT {
    @TempDir
    Path work;

    /** A copy of the launcher in a tree with no jar and no wrapper, run with a PATH that has no mvn. */
    private String withoutMaven(String launcher, Path copy) throws Exception {
        Files.createDirectories(copy.getParent());
        Files.copy(ProjectFiles.root().resolve(launcher), copy);
        Path bin = Files.createDirectories(work.resolve("bin"));
        for (String tool : new String[] {"dirname", "find"}) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
        }
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", copy.toString(), "info").redirectErrorStream(true);
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        return output;
    }

    @Test
    void underwaySaysWhatIsMissingInsteadOfRunningAMissingMvnw() throws Exception {
        Path copy = work.resolve("tree/underway");
        assertThat(withoutMaven("underway", copy)).contains("underway: cannot build it: no mvn on the PATH and no Maven"
                + " wrapper at " + copy.getParent() + "/mvnw").doesNotContain("No such file");
    }

    @Test
    void benchSaysTheSame() throws Exception {
        Path copy = work.resolve("tree/underway-bench/bench");
        assertThat(withoutMaven("underway-bench/bench", copy)).contains("bench: cannot build it: no mvn on the PATH");
    }

    @Test
    void theWrapperTheLaunchersFallBackToIsInTheRepository() {
        assertThat(ProjectFiles.root().resolve("mvnw")).isExecutable();
        assertThat(ProjectFiles.root().resolve(".mvn/wrapper/maven-wrapper.properties")).content()
                .contains("distributionUrl=").contains("apache-maven-3.8.7");
    }
}
