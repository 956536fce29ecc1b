package dev.underway;

import dev.underway.testkit.ProjectFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ARCHITECTURE.md cannot rot: every class, file and package it names in backticks exists, every package of
 * {@code underway-core} is in its package map, and every package of the four modules has a {@code package-info.java}.
 * The classes and tests CONTRIBUTING.md names exist too.
 */
class ArchitectureDocTest {
    private static final Path ROOT = ProjectFiles.root();
    private static final List<String> MODULES = List.of("underway-core", "underway-cli", "underway-testkit",
            "underway-bench");
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern QUALIFIED = Pattern.compile("dev\\.underway(\\.[A-Za-z0-9]+)*");
    private static final Pattern JAVA_FILE = Pattern.compile("[A-Z][A-Za-z0-9]*\\.java|package-info\\.java");
    /** {@code MigrationExecutor}, {@code Migrator.Run}, {@code Rules.all()}, {@code Operation#validate}. */
    private static final Pattern TYPE = Pattern.compile("([A-Z][a-z0-9]+[A-Za-z0-9]*)(?:\\.([A-Z][A-Za-z0-9]*))?"
            + "(?:[.#][a-z][A-Za-z0-9]*(?:\\(.*\\))?)?");
    /** A package as a path below {@code dev/underway} of the core ({@code dialect/postgres}) or a project path. */
    /** A test a command line runs: {@code -Dtest=PostgresSplitterTest}, {@code -Dit.test=MariaDbBackfillIT}. */
    private static final Pattern TEST_RUN = Pattern.compile("-D(?:it\\.)?test=([A-Z][A-Za-z0-9]*)");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*/?");

    @Test
    void everyNameItMentionsExists() throws IOException {
        assertThat(missing(backticked(Files.readString(ROOT.resolve("ARCHITECTURE.md")))))
                .as("names in ARCHITECTURE.md that no longer exist in the code").isEmpty();
    }

    /** CONTRIBUTING.md names classes and the tests its commands run; its paths are partly the build's output. */
    @Test
    void everyClassContributingMentionsExists() throws IOException {
        String doc = Files.readString(ROOT.resolve("CONTRIBUTING.md"));
        Set<String> names = new TreeSet<>();
        backticked(doc).stream().filter(n -> TYPE.matcher(n).matches()).forEach(names::add);
        Matcher m = TEST_RUN.matcher(doc);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).contains("ReadmeCommandsIT");
        assertThat(missing(names)).as("classes named in CONTRIBUTING.md that no longer exist").isEmpty();
    }

    @Test
    void thePackageMapListsEveryCorePackage() throws IOException {
        String doc = Files.readString(ROOT.resolve("ARCHITECTURE.md"));
        List<String> unmapped = packages("underway-core").stream()
                .filter(p -> !doc.contains("| `" + p + "`"))
                .toList();
        assertThat(unmapped).as("packages of underway-core without a line in ARCHITECTURE.md's package map").isEmpty();
    }

    @Test
    void everyPackageSaysWhatLivesThere() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (String module : MODULES) {
            Path main = ROOT.resolve(module).resolve("src/main/java");
            for (String p : packages(module)) {
                if (!Files.isRegularFile(main.resolve(p.replace('.', '/')).resolve("package-info.java"))) {
                    undocumented.add(module + ": " + p);
                }
            }
        }
        assertThat(undocumented).as("packages without a package-info.java").isEmpty();
    }

    /** The names a reader could look up: code in backticks that has the shape of a type, file, package or path. */
    static Set<String> backticked(String markdown) {
        Set<String> out = new TreeSet<>();
        Matcher m = CODE.matcher(markdown);
        while (m.find()) {
            String s = m.group(1).strip();
            if (QUALIFIED.matcher(s).matches() || JAVA_FILE.matcher(s).matches() || TYPE.matcher(s).matches()
                    || (s.contains("/") && PATH.matcher(s).matches())) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String> missing(Set<String> names) throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (!exists(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static boolean exists(String name) throws IOException {
        if (QUALIFIED.matcher(name).matches()) {
            return qualified(name);
        }
        if (JAVA_FILE.matcher(name).matches()) {
            return !sources(name).isEmpty();
        }
        Matcher type = TYPE.matcher(name);
        if (type.matches()) {
            List<Path> files = sources(type.group(1) + ".java");
            return !files.isEmpty() && (type.group(2) == null || declares(files, type.group(2)));
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return Files.exists(ROOT.resolve(path))
                || Files.isDirectory(ROOT.resolve("underway-core/src/main/java/dev/underway").resolve(path));
    }

    /** A package, or a type in one (nested types included), of any module's main or test sources. */
    private static boolean qualified(String name) throws IOException {
        String[] parts = name.split("\\.");
        for (String module : MODULES) {
            for (String set : List.of("main", "test")) {
                Path dir = ROOT.resolve(module).resolve("src").resolve(set).resolve("java");
                for (int i = 0; i < parts.length; i++) {
                    boolean type = Character.isUpperCase(parts[i].charAt(0));
                    if (type) {
                        Path file = dir.resolve(parts[i] + ".java");
                        if (Files.isRegularFile(file) && (i == parts.length - 1
                                || declares(List.of(file), parts[parts.length - 1]))) {
                            return true;
                        }
                        break;
                    }
                    dir = dir.resolve(parts[i]);
                    if (i == parts.length - 1 && Files.isDirectory(dir)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean declares(List<Path> files, String nested) throws IOException {
        Pattern declaration = Pattern.compile("\\b(class|interface|record|enum)\\s+" + nested + "\\b");
        for (Path f : files) {
            if (declaration.matcher(Files.readString(f)).find()) {
                return true;
            }
        }
        return false;
    }

    /** Source files of that name in any module, main or test. */
    private static List<Path> sources(String fileName) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String module : MODULES) {
            Path src = ROOT.resolve(module).resolve("src");
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(f -> f.getFileName().toString().equals(fileName)).forEach(out::add);
            }
        }
        return out;
    }

    /** The packages of a module's main sources that hold Java files, as dotted names. */
    private static List<String> packages(String module) throws IOException {
        Path main = ROOT.resolve(module).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> main.relativize(f.getParent()).toString().replace('/', '.'))
                    .distinct().sorted().toList();
        }
    }

    /** The checker itself: a name that does not exist is caught, in each shape it recognises. */
    @Test
    void aMissingNameIsCaught() throws IOException {
        assertThat(backticked("`NoSuchClass` `NoSuchFile.java` `dev.underway.nosuch` `dialect/nosuch` `SQL` `lock`"))
                .containsExactly("NoSuchClass", "NoSuchFile.java", "dev.underway.nosuch", "dialect/nosuch");
        for (String name : List.of("NoSuchClass", "NoSuchFile.java", "dev.underway.nosuch", "dev.underway.Nope",
                "dialect/nosuch", "Migrator.Nope", "dev.underway.exec.Migrator.Nope")) {
            assertThat(exists(name)).as(name).isFalse();
        }
        for (String name : List.of("Migrator", "Migrator.Run", "Rules.all()", "dev.underway.exec.Migrator.Run",
                "dev.underway.dialect.postgres", "dialect/postgres", "lint/rules/", "docs/benchmarks.md")) {
            assertThat(exists(name)).as(name).isTrue();
        }
    }
}
