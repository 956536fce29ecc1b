package dev.underway.plan;

import dev.underway.Audience;
import dev.underway.ErrorCode;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.migration.HistoryPhase;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigrationInfo;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.MigrationState;
import dev.underway.migration.MigrationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationStatesTest {
    @TempDir
    Path dir;
    private final List<HistoryRow> history = new ArrayList<>();

    @BeforeEach
    void files() throws IOException {
        write("V1__one.sql", "SELECT 1;");
        write("V2__two.sql", "SELECT 2; SELECT 22; SELECT 222;");
        write("V3__three.sql", "SELECT 3;");
        write("R__view.sql", "SELECT 'v';");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private MigrationDirectory directory() {
        return MigrationDirectory.load(dir, PostgresDialect.SYNTAX);
    }

    private MigrationScript script(String version) {
        return directory().versioned().stream().filter(s -> s.version().equals(MigrationVersion.parse(version))).findFirst()
                .orElseThrow();
    }

    private void applied(String version) {
        MigrationScript s = script(version);
        history.add(row(s.version(), HistoryRow.TYPE_SQL, s.script(), s.checksum(), true, s.sql().statements().size(), null));
    }

    private static HistoryRow row(MigrationVersion v, String type, String script, Integer checksum, boolean success,
                                  int done, Integer doneChecksum) {
        return new HistoryRow(0, v, "d", type, script, checksum, "me", null, 1, success, "x", done, doneChecksum, null, 0, 0);
    }

    /** V2 ran two of its three statements, then failed: the history a resume starts from. */
    private void twoFailedAfterItsSecondStatement() {
        MigrationScript two = script("2");
        history.add(row(two.version(), HistoryRow.TYPE_SQL, two.script(), two.checksum(), false, 2,
                Checksums.statements(two.sql().statements(), 2)));
    }

    private MigrationStates compute(MigrationStates.Options o) {
        return MigrationStates.compute(directory(), history, o);
    }

    private MigrationStates compute() {
        return compute(MigrationStates.Options.DEFAULT);
    }

    private static List<Reason> reasons(MigrationStates s) {
        return s.problems().stream().map(MigrationStates.Problem::reason).toList();
    }

    private static List<String> states(MigrationStates s) {
        return s.infos().stream().map(i -> (i.version() == null ? "R" : i.version()) + ":" + i.state().label()).toList();
    }

    private static List<String> pending(MigrationStates s) {
        return s.pending().stream().map(p -> p.label() + "@" + p.resumeAt()).toList();
    }

    @Test
    void freshDatabaseHasEverythingPending() {
        MigrationStates s = compute();
        assertThat(states(s)).containsExactly("1:pending", "2:pending", "3:pending", "R:pending");
        assertThat(pending(s)).containsExactly("V1@0", "V2@0", "V3@0", "R \"view\"@0");
        assertThat(s.errors()).isEmpty();
    }

    @Test
    void appliedMigrationsAreNotPending() {
        applied("1");
        applied("2");
        MigrationStates s = compute();
        assertThat(states(s)).containsExactly("1:applied", "2:applied", "3:pending", "R:pending");
        assertThat(pending(s)).containsExactly("V3@0", "R \"view\"@0");
    }

    @Test
    void targetLimitsVersionedPendingMigrations() {
        MigrationStates s = compute(new MigrationStates.Options(false, MigrationVersion.parse("2")));
        assertThat(pending(s)).containsExactly("V1@0", "V2@0", "R \"view\"@0");
    }

    @Test
    void editedAppliedFileIsAValidationError() throws IOException {
        applied("1");
        write("V1__one.sql", "SELECT 1 + 0;");
        MigrationStates s = compute();
        assertThat(reasons(s)).containsExactly(Reason.CHECKSUM_CHANGED);
        assertThat(s.errors()).singleElement().asString()
                .contains("V1__one.sql (V1) changed after it was applied");
        UnderwayException e = s.invalid("validation failed");
        assertThat(e.reason()).isEqualTo(Reason.CHECKSUM_CHANGED);
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(e.details().file()).isEqualTo("V1__one.sql");
    }

    @Test
    void missingFileOfAnAppliedMigrationIsAValidationError() throws IOException {
        applied("1");
        applied("2");
        applied("3");
        Files.delete(dir.resolve("V3__three.sql"));
        MigrationStates s = compute();
        assertThat(states(s)).contains("3:missing");
        assertThat(reasons(s)).containsExactly(Reason.MISSING_FILE);
        assertThat(s.errors()).singleElement().asString().contains("V3 (V3__three.sql) was applied but its file is missing");
    }

    @Test
    void olderPendingMigrationIsRefusedUnlessOutOfOrder() {
        applied("1");
        applied("3");
        MigrationStates strict = compute();
        assertThat(states(strict)).contains("2:ignored");
        assertThat(reasons(strict)).containsExactly(Reason.VERSION_ORDER);
        assertThat(strict.errors()).singleElement().asString()
                .contains("V2__two.sql (V2) is pending but older than the latest applied version V3")
                .endsWith("or run with outOfOrder(true)");
        assertThat(strict.invalid("validation failed").message(Audience.CLI)).endsWith("or run with --out-of-order");
        assertThat(pending(strict)).doesNotContain("V2@0");

        MigrationStates lenient = compute(new MigrationStates.Options(true, null));
        assertThat(lenient.errors()).isEmpty();
        assertThat(pending(lenient)).contains("V2@0");
        assertThat(lenient.infos().get(1).note()).isEqualTo("out of order");
    }

    @Test
    void migrationsAtOrBelowTheBaselineAreIgnoredWithoutError() {
        history.add(row(MigrationVersion.parse("2"), HistoryRow.TYPE_BASELINE, "<< b >>", null, true, 0, null));
        MigrationStates s = compute();
        assertThat(states(s)).containsExactly("1:ignored", "2:applied", "3:pending", "R:pending");
        assertThat(s.infos().get(1).note()).isEqualTo("baseline");
        // The row, not the file at that version: info shows BASELINE and the baseline's description.
        assertThat(s.infos().get(1).type()).isEqualTo("BASELINE");
        assertThat(s.infos().get(1).description()).isEqualTo("d");
        assertThat(s.infos().get(1).script()).isEqualTo("<< b >>");
        assertThat(s.infos().get(1).installedBy()).isEqualTo("me");
        assertThat(s.errors()).isEmpty();
        assertThat(pending(s)).containsExactly("V3@0", "R \"view\"@0");
    }

    @Test
    void failedAttemptResumesAtItsRecordedStatement() {
        applied("1");
        twoFailedAfterItsSecondStatement();
        MigrationStates s = compute();
        assertThat(states(s)).contains("2:failed");
        assertThat(pending(s)).startsWith("V2@2", "V3@0");
        assertThat(s.errors()).isEmpty();
    }

    @Test
    void fixingTheFailedStatementStillResumes() throws IOException {
        twoFailedAfterItsSecondStatement();
        write("V2__two.sql", "SELECT 2; SELECT 22; SELECT 'fixed third';");
        assertThat(pending(compute())).contains("V2@2");
    }

    @Test
    void editingAnExecutedStatementOfAFailedMigrationIsRefused() throws IOException {
        twoFailedAfterItsSecondStatement();
        write("V2__two.sql", "-- header\n\nSELECT 2;\nSELECT\n  'edited';\nSELECT 222;");
        MigrationStates s = compute();
        assertThat(reasons(s)).containsExactly(Reason.CHECKSUM_CHANGED);
        assertThat(s.errors()).singleElement().asString()
                .contains("V2__two.sql (V2) failed after 2 statements, and one of those already executed "
                        + "(statements 1-2, now at lines 3-5) has been edited since");
        assertThat(pending(s)).noneMatch(p -> p.startsWith("V2"));
    }

    @Test
    void aFailedMigrationThatLostExecutedStatementsSaysWhatIsLeft() throws IOException {
        twoFailedAfterItsSecondStatement();
        write("V2__two.sql", "\nSELECT 2;");
        assertThat(compute().errors()).singleElement().asString()
                .contains("(statements 1-2; the file now has only 1, at line 2) has been edited since");
    }

    @Test
    void repeatableRunsAgainWhenItsFileChanges() throws IOException {
        MigrationScript r = directory().repeatable().get(0);
        history.add(row(null, HistoryRow.TYPE_SQL, r.script(), r.checksum(), true, 1, null).withDescription("view"));
        assertThat(states(compute())).contains("R:applied");
        write("R__view.sql", "SELECT 'v2';");
        MigrationStates s = compute();
        assertThat(states(s)).contains("R:outdated");
        assertThat(pending(s)).contains("R \"view\"@0");
    }

    @Test
    void importedNonSqlRowsNeedNoFile() {
        history.add(row(MigrationVersion.parse("0.5"), "FLYWAY_JDBC", "db.migration.V0_5__Java", 7, true, 0, null));
        MigrationStates s = compute();
        assertThat(s.errors()).isEmpty();
        assertThat(states(s)).startsWith("0.5:applied");
    }

    // ---- declarative (YAML) migrations: the same rules as SQL files

    private static final String YAML = "operations:\n  - sql:\n      up: SELECT 4\n";

    /** V1 to V3 were applied, then V4 was started and completed from its file as it is now. */
    private DeclarativeScript yamlCompleted() throws IOException {
        applied("1");
        applied("2");
        applied("3");
        write("V4__four.yaml", YAML);
        DeclarativeScript d = directory().declarative().get(0);
        for (HistoryPhase phase : List.of(HistoryPhase.START, HistoryPhase.COMPLETE)) {
            history.add(new HistoryRow(0, d.version(), "four", HistoryRow.TYPE_YAML, d.script(), d.checksum(), "me", null,
                    1, true, "x", 2, null, phase, 0, 0));
        }
        return d;
    }

    private static MigrationInfo line(MigrationStates s, String version) {
        return s.infos().stream().filter(i -> MigrationVersion.parse(version).equals(i.version())).findFirst().orElseThrow();
    }

    @Test
    void anAppliedYamlFileIsValidAsItRan() throws IOException {
        yamlCompleted();
        MigrationStates s = compute();
        assertThat(s.errors()).isEmpty();
        assertThat(line(s, "4")).satisfies(i -> {
            assertThat(i.type()).isEqualTo("YAML");
            assertThat(i.state()).isEqualTo(MigrationState.APPLIED);
            assertThat(i.script()).isEqualTo("V4__four.yaml");
            assertThat(i.note()).isEqualTo("expand/contract, completed");
        });
    }

    @Test
    void editingAnAppliedYamlFileIsAValidationErrorNamingBothChecksums() throws IOException {
        int ran = yamlCompleted().checksum();
        write("V4__four.yaml", YAML + "  - sql:\n      up: SELECT 44\n");
        int now = directory().declarative().get(0).checksum();
        MigrationStates s = compute();
        assertThat(s.errors()).singleElement().asString()
                .startsWith("V4__four.yaml (V4) changed after it was completed (checksum " + ran + " completed, " + now
                        + " now)")
                .contains("or run repair if the edit is harmless");
        assertThat(line(s, "4").note()).isEqualTo("expand/contract, completed; file changed since it was completed");
        assertThat(pending(s)).noneMatch(p -> p.startsWith("V4"));
    }

    @Test
    void deletingTheFileOfAStartedYamlMigrationIsAValidationError() throws IOException {
        yamlCompleted();
        history.removeIf(r -> r.phase() == HistoryPhase.COMPLETE);
        Files.delete(dir.resolve("V4__four.yaml"));
        MigrationStates s = compute();
        assertThat(s.errors()).singleElement().asString()
                .isEqualTo("V4 (V4__four.yaml) was started but its file is missing; restore it, or run repair to forget it");
        assertThat(line(s, "4").state()).isEqualTo(MigrationState.MISSING);
    }

    @Test
    void aPendingYamlMigrationIsListedButLeftToExpandContract() throws IOException {
        write("V4__four.yaml", YAML);
        MigrationStates s = compute();
        assertThat(states(s)).containsExactly("1:pending", "2:pending", "3:pending", "4:pending", "R:pending");
        assertThat(line(s, "4").type()).isEqualTo("YAML");
        assertThat(pending(s)).containsExactly("V1@0", "V2@0", "V3@0", "R \"view\"@0");
    }

    @Test
    void aPendingYamlMigrationOlderThanTheLatestAppliedIsRefusedUnlessOutOfOrder() throws IOException {
        write("V2.5__between.yaml", YAML);
        applied("1");
        applied("2");
        applied("3");
        assertThat(compute().errors()).singleElement().asString()
                .startsWith("V2.5__between.yaml (V2.5) is pending but older than the latest applied version V3");
        assertThat(compute(new MigrationStates.Options(true, null)).errors()).isEmpty();
    }

    @Test
    void aRolledBackYamlMigrationIsPendingAgainAndItsFileMayChange() throws IOException {
        yamlCompleted();
        history.replaceAll(r -> !r.isYaml() ? r : new HistoryRow(0, r.version(), r.description(), r.type(), r.script(),
                r.checksum(), "me", null, 1, false, "x", 2, null, HistoryPhase.ROLLED_BACK, 0, 0));
        write("V4__four.yaml", YAML + "  - sql:\n      up: SELECT 44\n");
        MigrationStates s = compute();
        assertThat(s.errors()).isEmpty();
        assertThat(line(s, "4").state()).isEqualTo(MigrationState.PENDING);
    }

    @Test
    void aYamlFileWhereASqlMigrationRanIsRefused() throws IOException {
        applied("1");
        applied("2");
        applied("3");
        Files.delete(dir.resolve("V3__three.sql"));
        write("V3__three.yaml", YAML);
        assertThat(reasons(compute())).containsExactly(Reason.HISTORY_MISMATCH);
        assertThat(compute().errors()).singleElement().asString()
                .isEqualTo("V3__three.yaml (V3) is a YAML migration, but V3 was recorded as SQL (V3__three.sql); restore"
                        + " that file, or give this one a new version");
    }
}
