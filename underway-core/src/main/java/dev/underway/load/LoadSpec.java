package dev.underway.load;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.config.ConnectionSettings;
import dev.underway.report.QueryMix;

import java.util.List;

/**
 * A simulated application: {@code clients} connections, each running point reads, inserts and
 * updates on {@code tables} in the {@code mix}, together at about {@code ratePerSecond} queries
 * per second (0: as fast as they can).
 *
 * @param schema the schema (PostgreSQL) or database (MySQL) the tables live in; queries name tables
 *               without it, so that switching the session's schema switches the application's version
 * @param seed   makes the choice of queries and values repeatable
 */
public record LoadSpec(ConnectionSettings connection, String schema, List<String> tables, int clients,
                       double ratePerSecond, QueryMix mix, long seed) {

    public LoadSpec {
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw UnderwayException.of(Reason.BAD_OPTION, "a load needs at least one table");
        }
        if (clients < 1 || clients > 1000) {
            throw UnderwayException.of(Reason.BAD_OPTION, "a load needs 1 to 1000 clients, got " + clients);
        }
        if (ratePerSecond < 0 || Double.isNaN(ratePerSecond)) {
            throw UnderwayException.of(Reason.BAD_OPTION, "the load's rate must be 0 (unlimited) or positive, got " + ratePerSecond);
        }
        if (mix == null) {
            mix = QueryMix.DEFAULT;
        }
    }
}
