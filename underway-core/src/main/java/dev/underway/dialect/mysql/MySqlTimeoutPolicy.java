package dev.underway.dialect.mysql;

import dev.underway.dialect.TimeoutPolicy;
import dev.underway.dialect.TimeoutClass;
import dev.underway.sql.SqlStatement;
import dev.underway.sql.Token;

import java.util.List;
import java.util.Set;

/**
 * MySQL/MariaDB: every DDL statement takes an exclusive metadata lock at least briefly, so
 * every one gets {@code lock_wait_timeout}. Index builds run in place without blocking DML and
 * get the long statement timeout; the rest of DDL the brief one. Decided from keywords until
 * the statement classifier's verdict can be consumed here.
 */
final class MySqlTimeoutPolicy implements TimeoutPolicy {
    private static final Set<String> DDL = Set.of("ALTER", "CREATE", "DROP", "RENAME", "TRUNCATE", "OPTIMIZE");
    private static final Set<String> INDEX_KINDS = Set.of("INDEX", "KEY", "UNIQUE", "FULLTEXT", "SPATIAL");

    @Override
    public TimeoutClass classify(SqlStatement s) {
        List<Token> t = s.tokens();
        if (t.isEmpty() || !DDL.contains(t.get(0).text().toUpperCase(java.util.Locale.ROOT))) {
            return TimeoutClass.OTHER;
        }
        return buildsIndexesOnly(s) ? TimeoutClass.LONG_NON_BLOCKING : TimeoutClass.BRIEF_STRONG_LOCK;
    }

    @Override
    public boolean takesLockTimeout(TimeoutClass timeoutClass) {
        return timeoutClass != TimeoutClass.OTHER;
    }

    private static boolean buildsIndexesOnly(SqlStatement s) {
        if (s.startsWith("CREATE", "INDEX") || s.startsWith("CREATE", "UNIQUE") || s.startsWith("CREATE", "FULLTEXT")
                || s.startsWith("CREATE", "SPATIAL")) {
            return true;
        }
        int table = s.indexOf("TABLE", 1);
        if (!s.startsWith("ALTER") || table < 0 || table > 3) {
            return false;
        }
        // ALTER [ONLINE] [IGNORE] TABLE name clause, clause...: the first clause starts after the name.
        int name = s.indexOf("IF", table) == table + 1 ? table + 3 : table + 1;
        List<List<Token>> clauses = s.clauses(s.afterName(name));
        return clauses.stream().allMatch(MySqlTimeoutPolicy::addsIndexOrSetsAlgorithm);
    }

    private static boolean addsIndexOrSetsAlgorithm(List<Token> clause) {
        if (clause.isEmpty()) {
            return false;
        }
        Token first = clause.get(0);
        if (first.is("ALGORITHM") || first.is("LOCK")) {
            return true;
        }
        int kind = clause.size() > 2 && clause.get(1).is("CONSTRAINT") ? 3 : 1;
        return first.is("ADD") && clause.size() > kind
                && INDEX_KINDS.contains(clause.get(kind).text().toUpperCase(java.util.Locale.ROOT));
    }
}
