package dev.underway;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of {@code underway-core}, bottom to top; a layer uses only layers below it:
 * <ol>
 *   <li><b>foundation</b>: {@link UnderwayException}, {@link ErrorCode}, {@link Reason}, {@link Setting},
 *       {@link Audience}, {@link Durations}, {@link BackfillRef} (root leaf types everyone may use)</li>
 *   <li><b>values</b>: {@code migration} and {@code report}, the public value types the facade takes and returns
 *       (versions, scripts, plans, results, states; lint, trace, rehearsal and load reports)</li>
 *   <li>{@code wait}: the one wait-for-a-lock loop (backoff, reports, timeout)</li>
 *   <li>{@code sql} (lexer, splitter) and {@code sql.shape} (what a statement does)</li>
 *   <li>{@code dialect} and its engines {@code dialect.postgres}, {@code dialect.mysql}: every piece of
 *       engine-specific SQL, quoting, catalog and lock reading, and the JDBC drivers</li>
 *   <li>{@link Interruption} (tracks connections, cancels through the dialect)</li>
 *   <li>{@code plan}: migration files and their model (versions, names, scripts, history rows, execution mode)</li>
 *   <li>{@code state}: the state tables (history, operations, backfill checkpoints)</li>
 *   <li>{@code config}: settings, connecting, detecting the dialect</li>
 *   <li>{@code lint} (+ {@code lint.rules}, {@code lint.fix})</li>
 *   <li>{@code observe}: listener interfaces and events</li>
 *   <li>{@code exec}: the executor (transactions, lock timeouts and retries, the migration lock)</li>
 *   <li>{@code backfill}</li>
 *   <li>{@code op}: the declarative operations (validate / start / complete / rollback → actions)</li>
 *   <li>{@code expand}: expand/contract orchestration (phases, status, history of reruns, start checks)</li>
 *   <li>{@code synthetic}, {@code load}, {@code trace}, {@code rehearse}: tools built on the layers below</li>
 *   <li><b>facade</b>: {@link Underway}, which nothing else in the library uses, its options
 *       ({@link MigrateOptions}) and its phase API ({@link Phases})</li>
 * </ol>
 * Cycles are checked between top-level components ({@code dialect} with its engine packages, {@code lint} with
 * its rules): a parent package's factory or registry ({@code Dialects}, {@code DatabaseKind},
 * {@code lint.Rules}) names its subpackages' classes by design; the engine packages stay independent of each
 * other. There are no exceptions.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.underway";
    private static final JavaClasses CORE = new ClassFileImporter().importPath(coreClasses());

    /** Layers bottom to top, each with the packages (or root types) it holds. */
    private static final List<Layer> LAYERS = List.of(
            new Layer("foundation", types(UnderwayException.class, ErrorCode.class, Reason.class, Setting.class,
                    Audience.class, Durations.class, BackfillRef.class)),
            new Layer("values", packages("migration..", "report..")),
            new Layer("wait", packages("wait..")),
            new Layer("sql", packages("sql..")),
            new Layer("dialect", packages("dialect..")),
            new Layer("interruption", types(Interruption.class)),
            new Layer("plan", packages("plan..")),
            new Layer("state", packages("state..")),
            new Layer("config", packages("config..")),
            new Layer("lint", packages("lint..")),
            new Layer("observe", packages("observe..")),
            new Layer("exec", packages("exec..")),
            new Layer("backfill", packages("backfill..")),
            new Layer("op", packages("op..")),
            new Layer("expand", packages("expand..")),
            new Layer("synthetic", packages("synthetic..")),
            new Layer("load", packages("load..")),
            new Layer("trace", packages("trace..")),
            new Layer("rehearse", packages("rehearse..")),
            new Layer("facade", types(Underway.class, MigrateOptions.class, Phases.class)));

    @Test
    void componentsAreFreeOfCycles() {
        slices().assignedFrom(COMPONENTS).should().beFreeOfCycles().check(CORE);
    }

    @Test
    void eachLayerUsesOnlyLayersBelowIt() {
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer l : LAYERS) {
            layers = layers.layer(l.name).definedBy(l.members);
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] below = LAYERS.subList(0, i).stream().map(l -> l.name).toArray(String[]::new);
            layers = below.length == 0 ? layers.whereLayer(LAYERS.get(i).name).mayNotAccessAnyLayer()
                    : layers.whereLayer(LAYERS.get(i).name).mayOnlyAccessLayers(below);
        }
        layers.check(CORE);
    }

    @Test
    void nothingBelowTheExecutorUsesOperationsOrTheirOrchestration() {
        noClasses().that().resideInAnyPackage(pkgs("sql..", "dialect..", "plan..", "state..", "config..", "lint..",
                        "observe..", "exec..", "backfill.."))
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("op..", "expand..")).check(CORE);
    }

    @Test
    void onlyTheEnginePackagesUseTheirDrivers() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".dialect.postgres..")
                .should().dependOnClassesThat().resideInAPackage("org.postgresql..").check(CORE);
        noClasses().that().resideOutsideOfPackage(ROOT + ".dialect.mysql..")
                .should().dependOnClassesThat().resideInAPackage("org.mariadb..").check(CORE);
    }

    @Test
    void theEnginesAreIndependentOfEachOther() {
        noClasses().that().resideInAPackage(ROOT + ".dialect.postgres..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".dialect.mysql..").check(CORE);
        noClasses().that().resideInAPackage(ROOT + ".dialect.mysql..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".dialect.postgres..").check(CORE);
    }

    /**
     * Identifier and literal quoting is the dialects' job: no other class implements a quoting method of its own
     * ({@code migration.IdentifierQuoting} only declares the one {@code QualifiedName.render} calls).
     */
    @Test
    void onlyDialectsQuote() {
        noMethods().that().haveNameMatching("(q|qt|quote|literal|ident)").and().doNotHaveModifier(JavaModifier.ABSTRACT)
                .should().beDeclaredInClassesThat().resideOutsideOfPackage(ROOT + ".dialect..").check(CORE);
    }

    @Test
    void nothingButTheFacadeUsesIt() {
        noClasses().that().doNotBelongToAnyOf(Underway.class, Phases.class)
                .should().dependOnClassesThat().belongToAnyOf(Underway.class, Phases.class).check(CORE);
    }

    /** Top-level components: the package right below {@code dev.underway}, or a root type on its own. */
    private static final SliceAssignment COMPONENTS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String pkg = c.getPackageName();
            if (!pkg.startsWith(ROOT)) {
                return SliceIdentifier.ignore();
            }
            if (pkg.equals(ROOT)) {
                return SliceIdentifier.of(c.getName().replaceAll("\\$.*", ""));
            }
            return SliceIdentifier.of(pkg.substring(ROOT.length() + 1).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "top-level components of " + ROOT;
        }
    };

    private record Layer(String name, DescribedPredicate<JavaClass> members) {
    }

    private static DescribedPredicate<JavaClass> packages(String... relative) {
        List<String> full = Arrays.asList(pkgs(relative));
        return JavaClass.Predicates.resideInAnyPackage(full.toArray(String[]::new));
    }

    private static DescribedPredicate<JavaClass> types(Class<?>... types) {
        return JavaClass.Predicates.belongToAnyOf(types);
    }

    private static String[] pkgs(String... relative) {
        List<String> out = new ArrayList<>();
        for (String r : relative) {
            out.add(ROOT + "." + r);
        }
        return out.toArray(String[]::new);
    }

    private static Path coreClasses() {
        try {
            return Path.of(Underway.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
