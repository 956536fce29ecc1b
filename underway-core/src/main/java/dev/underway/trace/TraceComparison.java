package dev.underway.trace;

import dev.underway.migration.Verdict;
import dev.underway.report.Observation;
import dev.underway.report.ObservedLock;
import dev.underway.report.PgLock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the static verdict and the traced reality disagree. Compared: the lock on every relation
 * the verdict names (when it existed before the statement), strong locks on existing tables the
 * verdict does not name, whether anything was rewritten, and for DDL that does not rewrite
 * whether a table was scanned (DML scans depend on the plan, and a rewrite reads every row anyway).
 */
public final class TraceComparison {
    private TraceComparison() {
    }

    public static List<String> differences(Verdict verdict, Observation o, boolean compareScan) {
        List<String> diffs = new ArrayList<>();
        if (o.error() != null) {
            diffs.add("the statement failed: " + o.error());
            return diffs;
        }
        if (!verdict.known()) {
            return diffs;
        }
        for (Map.Entry<String, String> e : verdict.locks().entrySet()) {
            String relation = e.getKey();
            if (!o.existedBefore(relation)) {
                continue;
            }
            Optional<PgLock> seen = o.lockOn(relation);
            if (seen.isEmpty()) {
                diffs.add("expected " + e.getValue() + " on " + relation + ", observed no lock on it");
            } else if (!seen.get().label().equals(e.getValue())) {
                diffs.add("expected " + e.getValue() + " on " + relation + ", observed " + seen.get().label());
            }
        }
        for (ObservedLock l : o.locks()) {
            if (l.existedBefore() && l.isTableLike() && l.mode().isStrong() && !verdict.locks().containsKey(l.relation())) {
                diffs.add("observed " + l.mode().label() + " on " + l.relation() + ", which the verdict does not name");
            }
        }
        boolean rewritten = !o.rewritten().isEmpty();
        if (rewritten != verdict.rewrite()) {
            diffs.add(verdict.rewrite() ? "expected a rewrite, observed none"
                    : "observed a rewrite of " + String.join(", ", o.rewritten()) + ", the verdict says none");
        }
        if (compareScan && o.scanned() != null && !verdict.rewrite() && !o.scanned().isEmpty() != verdict.scan()) {
            diffs.add(verdict.scan() ? "expected a table scan, observed none"
                    : "observed a scan of " + String.join(", ", o.scanned()) + ", the verdict says none");
        }
        return diffs;
    }
}
