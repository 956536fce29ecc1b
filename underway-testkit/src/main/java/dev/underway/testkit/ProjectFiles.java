package dev.underway.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the project itself (the README's {@code examples/}), found from the project root
 * rather than from whichever module directory the test JVM runs in.
 */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /** The directory holding the parent pom and the modules. */
    public static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("underway-core")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("no Underway project root above " + dir);
    }

    /** The README's {@code examples/} directory. */
    public static Path examples() {
        return root().resolve("examples");
    }
}
