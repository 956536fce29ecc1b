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
 * Everything else in core is internal (no compatibility promise; use {@code dev.underway.Underway}).
 *
 * <p>The CLI does not get there in one step: {@link #NOT_YET_PUBLIC} lists the internal types it still uses. The
 * list may only shrink: a CLI class that starts using another internal type fails {@link #usesOnlyThePublicApi},
 * and an entry the CLI no longer needs fails {@link #theListOfInternalTypesStillInUseIsExact} until it is taken
 * out.
 */
class PublicApiTest {
    private static final String CORE = "dev.underway";
    private static final String CLI = "dev.underway.cli";

    /** Core's public value packages besides {@code dev.underway}: listener interfaces and their events. */
    static final Set<String> PUBLIC_PACKAGES = Set.of(CORE, CORE + ".observe", CORE + ".migration", CORE + ".report");

    /** Internal core types the CLI still uses, to be moved into public packages or behind the facade. */
    static final Set<String> NOT_YET_PUBLIC = Set.of(
            "dev.underway.backfill.BackfillPlan",
            "dev.underway.config.ConnectionSettings",
            "dev.underway.dialect.DatabaseKind",
            "dev.underway.dialect.Dialect",
            "dev.underway.dialect.Dialects",
            "dev.underway.dialect.ServerVersion",
            "dev.underway.exec.Repair",
            "dev.underway.lint.LintInput",
            "dev.underway.lint.Linter",
            "dev.underway.lint.Rule",
            "dev.underway.lint.Rules",
            "dev.underway.lint.fix.FixedFile",
            "dev.underway.lint.fix.Fixer",
            "dev.underway.op.YamlMigration",
            "dev.underway.rehearse.Rehearsal",
            "dev.underway.sql.StatementSplitter",
            "dev.underway.state.StateLocation",
            "dev.underway.trace.MigrationTracer",
            "dev.underway.trace.ScratchDatabase");

    private static final JavaClasses CLI_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(CLI);

    @Test
    void usesOnlyThePublicApi() {
        Set<String> unexpected = new TreeSet<>(internalTypesUsed());
        unexpected.removeAll(NOT_YET_PUBLIC);
        assertThat(unexpected).as("internal core types the CLI started to use; use the public API instead").isEmpty();
    }

    @Test
    void theListOfInternalTypesStillInUseIsExact() {
        Set<String> stale = new TreeSet<>(NOT_YET_PUBLIC);
        stale.removeAll(internalTypesUsed());
        assertThat(stale).as("internal types the CLI no longer uses: take them out of NOT_YET_PUBLIC").isEmpty();
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
