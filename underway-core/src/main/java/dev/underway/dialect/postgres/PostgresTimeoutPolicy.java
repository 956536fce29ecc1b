package dev.underway.dialect.postgres;

import dev.underway.dialect.TimeoutPolicy;
import dev.underway.dialect.TimeoutClass;
import dev.underway.sql.SqlStatement;
import dev.underway.sql.Token;

import java.util.List;
import java.util.Set;

/**
 * PostgreSQL: a statement gets the short lock timeout when it takes a lock stronger than
 * SHARE UPDATE EXCLUSIVE (see reference/locks-postgres.md). Decided from keywords until the
 * statement classifier's lock modes can be consumed here; anything unknown that alters or
 * drops is treated as strong, because a wrongly short lock timeout costs a retry while a
 * missing one can stall the application.
 */
final class PostgresTimeoutPolicy implements TimeoutPolicy {
    /** CREATE ... objects whose creation locks an existing table strongly (SHARE ROW EXCLUSIVE or more). */
    private static final Set<String> STRONG_CREATES = Set.of("TRIGGER", "RULE", "POLICY", "INDEX");

    @Override
    public TimeoutClass classify(SqlStatement s) {
        if (isLongNonBlocking(s)) {
            return TimeoutClass.LONG_NON_BLOCKING;
        }
        return isStrong(s) ? TimeoutClass.BRIEF_STRONG_LOCK : TimeoutClass.OTHER;
    }

    private static boolean isLongNonBlocking(SqlStatement s) {
        List<Token> t = s.tokens();
        if ((s.startsWith("CREATE", "INDEX") || s.startsWith("CREATE", "UNIQUE", "INDEX"))
                && PostgresTransactionRules.concurrentlyBeforeOn(t)) {
            return true;
        }
        if (s.startsWith("DROP", "INDEX", "CONCURRENTLY") || s.startsWith("REFRESH", "MATERIALIZED", "VIEW", "CONCURRENTLY")
                || (s.startsWith("REINDEX") && s.contains("CONCURRENTLY"))) {
            return true;
        }
        if (s.startsWith("VACUUM") && !s.contains("FULL") || s.startsWith("ANALYZE") || s.startsWith("ANALYSE")) {
            return true;
        }
        if (s.startsWith("ALTER", "TABLE") && s.clauses(2).size() == 1) {
            int validate = s.indexOf("VALIDATE", 2);
            boolean validates = validate > 0 && s.indexOf("CONSTRAINT", validate) == validate + 1;
            boolean detachesConcurrently = s.contains("DETACH") && (s.contains("CONCURRENTLY") || s.contains("FINALIZE"));
            return validates || detachesConcurrently;
        }
        return false;
    }

    private static boolean isStrong(SqlStatement s) {
        if (s.startsWith("ALTER") || s.startsWith("DROP") || s.startsWith("TRUNCATE") || s.startsWith("LOCK")
                || s.startsWith("CLUSTER") || s.startsWith("REINDEX") || s.startsWith("VACUUM")
                || s.startsWith("REFRESH")) {
            return true;
        }
        if (!s.startsWith("CREATE")) {
            return false;
        }
        int i = s.startsWith("CREATE", "OR", "REPLACE") ? 3 : 1;
        if (i == 3) {
            // Replacing a view, rule or trigger takes ACCESS EXCLUSIVE on the existing object.
            return true;
        }
        List<Token> t = s.tokens();
        while (i < t.size() && (t.get(i).is("UNIQUE") || t.get(i).is("CONSTRAINT"))) {
            i++;
        }
        if (i < t.size() && STRONG_CREATES.contains(t.get(i).text().toUpperCase(java.util.Locale.ROOT))) {
            return true;
        }
        // A new table that references or partitions an existing one locks that one (SHARE ROW EXCLUSIVE / ACCESS EXCLUSIVE).
        int partition = s.indexOf("PARTITION", 1);
        boolean partitionOf = partition > 0 && s.indexOf("OF", partition) == partition + 1;
        return s.indexOf("TABLE", 1) > 0 && (s.contains("REFERENCES") || partitionOf);
    }
}
