package dev.underway.dialect;

import dev.underway.migration.ErrorKind;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * Classifies SQL errors by SQLSTATE and vendor code, kept as data per engine. The only place
 * that interprets error codes.
 */
public final class ErrorClassifier {
    private static final Map<String, ErrorKind> POSTGRES_STATES = Map.of(
            "55P03", ErrorKind.LOCK_TIMEOUT,
            "40P01", ErrorKind.DEADLOCK,
            "40001", ErrorKind.SERIALIZATION,
            "57P01", ErrorKind.CONNECTION,
            "57P02", ErrorKind.CONNECTION,
            "57P03", ErrorKind.CONNECTION);
    private static final Map<Integer, ErrorKind> MYSQL_CODES = Map.of(
            1205, ErrorKind.LOCK_TIMEOUT,
            1213, ErrorKind.DEADLOCK,
            1969, ErrorKind.STATEMENT_TIMEOUT,
            3024, ErrorKind.STATEMENT_TIMEOUT,
            1317, ErrorKind.CANCELED,
            2006, ErrorKind.CONNECTION,
            2013, ErrorKind.CONNECTION);

    private final DatabaseKind kind;

    public ErrorClassifier(DatabaseKind kind) {
        this.kind = kind;
    }

    public ErrorKind classify(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            ErrorKind k = classifyOne(x);
            if (k != ErrorKind.OTHER) {
                return k;
            }
        }
        return ErrorKind.OTHER;
    }

    private ErrorKind classifyOne(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return ErrorKind.CONNECTION;
        }
        if (state.equals("25006")) {
            return ErrorKind.READ_ONLY;
        }
        if (kind == DatabaseKind.POSTGRESQL) {
            if (state.equals("57014")) {
                String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
                return msg.contains("statement timeout") ? ErrorKind.STATEMENT_TIMEOUT : ErrorKind.CANCELED;
            }
            return POSTGRES_STATES.getOrDefault(state, ErrorKind.OTHER);
        }
        if (state.equals("40001")) {
            return ErrorKind.DEADLOCK;
        }
        return MYSQL_CODES.getOrDefault(e.getErrorCode(), ErrorKind.OTHER);
    }
}
