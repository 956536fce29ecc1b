package dev.underway.plan;

import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.state.HistoryRow;
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
        assertThat(s.errors()).singleElement().asString()
                .contains("V1__one.sql (V1) changed after it was applied");
    }

    @Test
    void missingFileOfAnAppliedMigrationIsAValidationError() throws IOException {
        applied("1");
        applied("2");
        applied("3");
        Files.delete(dir.resolve("V3__three.sql"));
        MigrationStates s = compute();
        assertThat(states(s)).contains("3:missing");
        assertThat(s.errors()).singleElement().asString().contains("V3 (V3__three.sql) was applied but its file is missing");
    }

    @Test
    void olderPendingMigrationIsRefusedUnlessOutOfOrder() {
        applied("1");
        applied("3");
        MigrationStates strict = compute();
        assertThat(states(strict)).contains("2:ignored");
        assertThat(strict.errors()).singleElement().asString()
                .contains("V2__two.sql (V2) is pending but older than the latest applied version V3");
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
}
