package dev.underway.backfill;

import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.Durations;
import dev.underway.UnderwayException;
import dev.underway.dialect.Dialect;
import dev.underway.exec.MigrationExecutor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Runs the user's {@code --throttle-query} so that it can change nothing: in a READ ONLY transaction
 * that is rolled back afterwards, under a statement timeout. A query that tries to write (a
 * data-modifying CTE, {@code DELETE ... RETURNING}, a function that writes) is refused by the server
 * and reported as a usage error; the backfill runs it once before anything is recorded.
 */
final class ThrottleProbe {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Dialect dialect;
    private final String sql;

    ThrottleProbe(Dialect dialect, String sql) {
        this.dialect = dialect;
        this.sql = sql;
    }

    /** The probe's number (NULL counts as 0). */
    double read(Connection session) throws SQLException {
        dialect.batches().beginReadOnly(session, TIMEOUT);
        try (Statement s = session.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw UnderwayException.of(Reason.BAD_OPTION, Setting.THROTTLE_QUERY.ref() + " returned no row: " + sql + "; it must return one row"
                        + " whose first column is a number");
            }
            double value = rs.getDouble(1);
            return rs.wasNull() ? 0 : value;
        } catch (SQLException e) {
            throw refused(e);
        } finally {
            dialect.batches().endReadOnly(session);
        }
    }

    private UnderwayException refused(SQLException e) {
        String why = MigrationExecutor.describe(e);
        return switch (dialect.errors().classify(e)) {
            case READ_ONLY -> UnderwayException.of(Reason.BAD_OPTION, Setting.THROTTLE_QUERY.ref() + " must only read, but " + dialect.describe()
                    + " refused it in the read-only transaction it runs in (" + why + "), so it changed nothing: " + sql
                    + ". Give a SELECT that returns one number");
            case STATEMENT_TIMEOUT -> UnderwayException.of(Reason.BAD_OPTION, Setting.THROTTLE_QUERY.ref() + " ran longer than its statement timeout of "
                    + Durations.format(TIMEOUT) + " (" + why + "): " + sql + ". Give a cheaper query");
            default -> UnderwayException.of(Reason.BAD_OPTION, Setting.THROTTLE_QUERY.ref() + " failed: " + why + ": " + sql);
        };
    }
}
