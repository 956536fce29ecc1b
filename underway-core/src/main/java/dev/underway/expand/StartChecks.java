package dev.underway.expand;

import dev.underway.ErrorCode;
import dev.underway.dialect.Redaction;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.op.DependentObjects;
import dev.underway.op.MigrationPlan;
import dev.underway.op.SyncTrigger;
import dev.underway.op.YamlMigration;
import dev.underway.state.InFlight;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What start refuses before it creates anything, each with a message that names the problem and
 * what to do: conflicts with migrations in flight, {@code up}/{@code down} expressions the
 * database rejects, and objects that depend on what complete will drop.
 */
final class StartChecks {
    private StartChecks() {
    }

    static void checkExpressions(Connection c, YamlMigration m, MigrationPlan plan) {
        for (SyncTrigger.ExpressionCheck check : plan.expressionChecks()) {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute(check.sql());
            } catch (SQLException e) {
                throw UnderwayException.of(Reason.REFUSED_OPERATION, m.script() + ":" + check.line() + ": the " + check.what() + " is refused by"
                        + " the database: " + Redaction.message(e) + "; nothing was"
                        + " changed. up sees the old version's columns, down the new version's").at(m.script(), check.line());
            }
        }
    }

    /** What depends on what complete will drop: refused now when it could not be re-created then. */
    static DependentObjects dependents(Connection c, YamlMigration m, MigrationPlan plan, Set<String> versionSchemas)
            throws SQLException {
        Set<String> schemas = new HashSet<>(versionSchemas);
        schemas.add(plan.newSchema());
        DependentObjects dependents = DependentObjects.atComplete(c, plan.droppedAtComplete(), plan.renamedAtComplete(),
                schemas, "start");
        dependents.refuseBlocked(m.label() + " (" + m.script() + ")");
        return dependents;
    }

    /** Complete re-creates these against the new columns; the database says now whether it can. */
    static void checkRecreation(PhaseRun run, YamlMigration m, DependentObjects dependents) {
        try {
            run.check(m, dependents.rehearsal());
        } catch (UnderwayException e) {
            String message = m.label() + " (" + m.script() + ") is refused; nothing was changed: complete re-creates "
                    + dependents.names() + " on the new columns, and the database refuses that: " + e.template()
                    + ". Change them so that they work with the new columns too, or drop them in an earlier migration"
                    + " and re-create them in a later one";
            // A lock timeout stays one (exit 3): the check may simply be run again.
            throw UnderwayException.of(e.code() == ErrorCode.FAILED ? Reason.REFUSED_OPERATION : e.reason(), message, e)
                    .at(m.script(), null);
        }
    }

    static void refuseConflicts(YamlMigration m, MigrationPlan plan, List<InFlight> inFlight) {
        Set<String> mine = plan.touchedTables();
        for (InFlight other : inFlight) {
            for (String t : other.tables()) {
                if (mine.contains(t) || plan.referencedTables().contains(t)) {
                    throw UnderwayException.of(Reason.CONFLICT, m.label() + (mine.contains(t) ? " changes table " : " depends on table ")
                            + t + ", which V" + other.version() + " (in flight, " + InFlightMigrations.describe(other) + ") changes;"
                            + " complete or roll back V" + other.version() + " first").table(t);
                }
            }
            for (String t : other.referenced()) {
                if (mine.contains(t)) {
                    throw UnderwayException.of(Reason.CONFLICT, m.label() + " changes table " + t + ", which V" + other.version()
                            + " (in flight, " + InFlightMigrations.describe(other) + ") depends on; complete or roll back V"
                            + other.version() + " first").table(t);
                }
            }
        }
    }
}
