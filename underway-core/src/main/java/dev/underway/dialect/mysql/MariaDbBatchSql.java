package dev.underway.dialect.mysql;

import dev.underway.dialect.Dialect;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** MariaDB limits every statement, UPDATEs included, with max_statement_time (seconds, fractions allowed). */
final class MariaDbBatchSql extends MySqlBatchSql {
    MariaDbBatchSql(Dialect dialect) {
        super(dialect);
    }

    @Override
    void setStatementTimeout(Statement s, Duration timeout) throws SQLException {
        s.execute("SET SESSION max_statement_time = " + timeout.toMillis() / 1000.0);
    }

    /** MariaDB has no max_execution_time; max_statement_time limits SELECTs too. */
    @Override
    void setSelectTimeout(Statement s, Duration timeout) throws SQLException {
        if (timeout == null) {
            s.execute("SET SESSION max_statement_time = DEFAULT");
        } else {
            setStatementTimeout(s, timeout);
        }
    }
}
