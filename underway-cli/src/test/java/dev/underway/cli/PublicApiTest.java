package dev.underway.cli;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI is a client of core's public API: {@code dev.underway} itself (the facade {@code Underway}, its options,
 * phase API, backfill references and failures) and the value packages named in {@link #PUBLIC_PACKAGES}.
 * Everything else in core is internal (no compatibility promise; use {@code dev.underway.Underway}): a CLI class that
 * starts to use an internal type fails {@link #usesOnlyThePublicApi}. Core's {@code PublicSurfaceTest} keeps the public
 * API closed, so what the facade returns never drags an internal type in.
 */
class PublicApiTest {
    private static final String CORE = "dev.underway";
    private static final String CLI = "dev.underway.cli";

    /** Core's public packages: the facade, listeners and their events, and the two value packages. */
    static final Set<String> PUBLIC_PACKAGES = Set.of(CORE, CORE + ".observe", CORE + ".migration", CORE + ".report");

    private static final JavaClasses CLI_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(CLI);

    @Test
    void usesOnlyThePublicApi() {
        assertThat(internalTypesUsed()).as("internal core types the CLI uses; use the public API instead").isEmpty();
    }

    /** Every core type outside the public packages that a CLI class depends on (nested types as their outer one). */
    private static Set<String> internalTypesUsed() {
        Set<String> used = new TreeSet<>();
        for (JavaClass c : CLI_CLASSES) {
            if (!c.getPackageName().startsWith(CLI)) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                String pkg = target.getPackageName();
                if (pkg.startsWith(CORE) && !pkg.startsWith(CLI) && !pkg.startsWith(CORE + ".testkit")
                        && !PUBLIC_PACKAGES.contains(pkg)) {
                    used.add(target.getName().replaceAll("\\$.*", ""));
                }
            }
        }
        return used;
    }
}
