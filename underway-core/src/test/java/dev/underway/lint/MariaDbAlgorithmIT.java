package dev.underway.lint;

import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Dialects;
import dev.underway.migration.Verdict;
import dev.underway.report.LintOptions;
import dev.underway.sql.shape.SchemaModel;
import dev.underway.sql.shape.StatementKind;
import dev.underway.testkit.Sql;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MariaDB corpus against the embedded MariaDB: for every ALTER the verdict's algorithm must be
 * the best the server accepts. A more online algorithm (or LOCK level) than the verdict's must be
 * refused (ER_ALTER_OPERATION_NOT_SUPPORTED), and the verdict's own must be accepted; NOCOPY must
 * work exactly when the verdict says the table is not rebuilt.
 */
class MariaDbAlgorithmIT {
    private static final Set<Integer> NOT_SUPPORTED = Set.of(1845, 1846);

    @Test
    void everyAlterRunsWithTheAlgorithmTheVerdictNamesAndNoBetterOne() throws Exception {
        Corpus corpus = LintCorpusTest.MARIADB;
        TestDatabase db = TestDatabases.mariadb();
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        try (Connection c = db.connect()) {
            // Judged as migrate would judge it: with the running server's version (11.4, or 10.11 in the second run).
            Dialect live = Dialects.detect(c, DatabaseKind.MARIADB);
            SchemaModel schema = new SchemaModel();
            for (Corpus.CorpusFile f : corpus.files()) {
                if (f.version() != null) {
                    continue;
                }
                FileAnalysis analysis = new Linter(live, LintOptions.DEFAULT)
                        .analyze(new LintInput(f.name(), f.script()), schema);
                for (StatementAnalysis a : analysis.statements()) {
                    String where = f.name() + ":" + a.statement().line() + " " + a.statement().preview(60) + ": ";
                    boolean alter = a.verdict().algorithm() != null && !a.shape().is(StatementKind.RENAME_TABLE);
                    if (alter) {
                        checked++;
                        check(c, a, where, disagreements);
                    } else {
                        execute(c, a.statement().sql());
                    }
                }
            }
        }
        assertThat(disagreements).as("MariaDB verdicts the server disagrees with").isEmpty();
        assertThat(checked).isGreaterThan(15);
    }

    private static void check(Connection c, StatementAnalysis a, String where, List<String> out) throws SQLException {
        Verdict v = a.verdict();
        String sql = a.statement().sql();
        String lock = v.blocksReads() ? "EXCLUSIVE" : v.blocksWrites() ? "SHARED" : "NONE";
        switch (v.algorithm()) {
            case "INSTANT" -> {
                if (!accepted(c, sql, a, "ALGORITHM=INSTANT", where, out)) {
                    out.add(where + "verdict INSTANT, but the server refuses ALGORITHM=INSTANT");
                    execute(c, sql);
                }
            }
            case "INPLACE" -> {
                if (applied(c, sql, a, "ALGORITHM=INSTANT", where + "verdict INPLACE, but ALGORITHM=INSTANT works", out)
                        || lock.equals("SHARED") && applied(c, sql, a, "ALGORITHM=INPLACE, LOCK=NONE",
                        where + "verdict LOCK=SHARED, but LOCK=NONE works", out)
                        || v.rewrite() && applied(c, sql, a, "ALGORITHM=NOCOPY",
                        where + "verdict says the table is rebuilt, but NOCOPY works", out)) {
                    return;
                }
                String best = (v.rewrite() ? "ALGORITHM=INPLACE" : "ALGORITHM=NOCOPY") + ", LOCK=" + lock;
                if (!accepted(c, sql, a, best, where, out)) {
                    out.add(where + "verdict " + best + ", but the server refuses it");
                    execute(c, sql);
                }
            }
            default -> {
                if (!applied(c, sql, a, "ALGORITHM=INPLACE", where + "verdict COPY, but ALGORITHM=INPLACE works", out)) {
                    execute(c, sql);
                }
            }
        }
    }

    /** Runs the statement with the clause; false when the server refuses the algorithm (nothing changed then). */
    private static boolean accepted(Connection c, String sql, StatementAnalysis a, String clause, String where,
                                    List<String> out) throws SQLException {
        try {
            execute(c, withClause(sql, a, clause));
            return true;
        } catch (SQLException e) {
            if (NOT_SUPPORTED.contains(e.getErrorCode())) {
                return false;
            }
            throw new SQLException(where + e.getMessage(), e);
        }
    }

    /** Tries a more online clause than the verdict allows: true (a disagreement, statement applied) when it works. */
    private static boolean applied(Connection c, String sql, StatementAnalysis a, String clause, String disagreement,
                                   List<String> out) throws SQLException {
        if (accepted(c, sql, a, clause, disagreement, out)) {
            out.add(disagreement);
            return true;
        }
        return false;
    }

    private static String withClause(String sql, StatementAnalysis a, String clause) {
        if (a.shape().is(StatementKind.DROP_INDEX)) {
            // MariaDB's DROP INDEX ... ON takes no ALGORITHM or LOCK at all (1064); the ALTER TABLE form does.
            return "ALTER TABLE " + a.shape().table() + " DROP INDEX " + a.shape().names().get(0) + ", " + clause;
        }
        return a.shape().is(StatementKind.CREATE_INDEX) ? sql + " " + clause.replace(",", "") : sql + ", " + clause;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        Sql.exec(c, sql);
    }
}
