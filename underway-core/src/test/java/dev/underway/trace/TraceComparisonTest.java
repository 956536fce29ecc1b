package dev.underway.trace;

import dev.underway.migration.Verdict;
import dev.underway.report.Observation;
import dev.underway.report.ObservedLock;
import dev.underway.report.PgLock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of difference between a static verdict and what the trace observed is reported. */
class TraceComparisonTest {

    private static Verdict.Builder expecting(String table, String lock) {
        return new Verdict.Builder().lock(lock, true, true, true).relationLock(table, lock);
    }

    private static ObservedLock lock(String relation, PgLock mode, boolean existedBefore) {
        return new ObservedLock(relation, 'r', mode, existedBefore, true);
    }

    private static Observation observed(List<ObservedLock> locks, List<String> rewritten, List<String> scanned) {
        return new Observation(locks, rewritten, scanned, Set.of("t", "parent", "other"), 1, null);
    }

    @Test
    void anExpectedLockOnAnExistingRelationThatIsNotObservedIsReported() {
        Verdict v = expecting("t", "ACCESS EXCLUSIVE").relationLock("parent", "SHARE ROW EXCLUSIVE").build();
        Observation o = observed(List.of(lock("t", PgLock.ACCESS_EXCLUSIVE, true)), List.of(), List.of());
        assertThat(TraceComparison.differences(v, o, true))
                .containsExactly("expected SHARE ROW EXCLUSIVE on parent, observed no lock on it");
    }

    @Test
    void aRelationTheStatementCreatedIsNotCompared() {
        Verdict v = expecting("fresh", "ACCESS EXCLUSIVE").build();
        assertThat(TraceComparison.differences(v, observed(List.of(), List.of(), List.of()), true)).isEmpty();
        Observation created = observed(List.of(lock("fresh", PgLock.ROW_EXCLUSIVE, false)), List.of(), List.of());
        assertThat(TraceComparison.differences(v, created, true)).isEmpty();
    }

    @Test
    void aDifferentLockAndAnUnnamedStrongLockAreReported() {
        Verdict v = expecting("t", "SHARE UPDATE EXCLUSIVE").build();
        Observation o = observed(List.of(lock("t", PgLock.ACCESS_EXCLUSIVE, true), lock("other", PgLock.EXCLUSIVE, true),
                lock("other", PgLock.ACCESS_SHARE, true)), List.of(), List.of());
        assertThat(TraceComparison.differences(v, o, true)).containsExactly(
                "expected SHARE UPDATE EXCLUSIVE on t, observed ACCESS EXCLUSIVE",
                "observed EXCLUSIVE on other, which the verdict does not name");
    }

    @Test
    void rewriteMismatchesAreReportedBothWays() {
        Observation none = observed(List.of(lock("t", PgLock.ACCESS_EXCLUSIVE, true)), List.of(), List.of());
        assertThat(TraceComparison.differences(expecting("t", "ACCESS EXCLUSIVE").rewrite("default").build(), none, true))
                .containsExactly("expected a rewrite, observed none");
        Observation rewritten = observed(List.of(lock("t", PgLock.ACCESS_EXCLUSIVE, true)), List.of("t", "t_pkey"),
                List.of());
        assertThat(TraceComparison.differences(expecting("t", "ACCESS EXCLUSIVE").build(), rewritten, true))
                .containsExactly("observed a rewrite of t, t_pkey, the verdict says none");
    }

    @Test
    void scanMismatchesAreReportedOnlyWhereScansAreCompared() {
        Observation none = observed(List.of(lock("t", PgLock.ACCESS_EXCLUSIVE, true)), List.of(), List.of());
        Verdict scans = expecting("t", "ACCESS EXCLUSIVE").scan("validates").build();
        assertThat(TraceComparison.differences(scans, none, true)).containsExactly("expected a table scan, observed none");
        assertThat(TraceComparison.differences(scans, none, false)).isEmpty();
        Observation scanned = observed(List.of(lock("t", PgLock.ACCESS_EXCLUSIVE, true)), List.of(), List.of("t"));
        assertThat(TraceComparison.differences(expecting("t", "ACCESS EXCLUSIVE").build(), scanned, true))
                .containsExactly("observed a scan of t, the verdict says none");
        Observation unobservable = observed(List.of(lock("t", PgLock.ACCESS_EXCLUSIVE, true)), List.of(), null);
        assertThat(TraceComparison.differences(scans, unobservable, true)).isEmpty();
    }

    @Test
    void aFailedStatementIsOneDifferenceAndAnUnknownVerdictNone() {
        Observation failed = new Observation(List.of(), List.of(), null, Set.of("t"), 1, "boom [SQLSTATE 42P01]");
        assertThat(TraceComparison.differences(expecting("t", "ACCESS EXCLUSIVE").build(), failed, true))
                .containsExactly("the statement failed: boom [SQLSTATE 42P01]");
        Observation quiet = observed(List.of(), List.of(), List.of());
        assertThat(TraceComparison.differences(Verdict.unknown("not understood"), quiet, true)).isEmpty();
    }
}
