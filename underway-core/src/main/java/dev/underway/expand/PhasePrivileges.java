package dev.underway.expand;

import dev.underway.dialect.Privilege;
import dev.underway.exec.Database;
import dev.underway.exec.PrivilegeCheck;
import dev.underway.migration.Phase;
import dev.underway.migration.PhasePlan;
import dev.underway.migration.QualifiedName;
import dev.underway.migration.Stage;
import dev.underway.state.HistoryTable;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a phase of a declarative migration needs, from its plan: start creates the version schema (CREATE on
 * the database), sync trigger functions and new tables (CREATE on the target schema), and alters every table
 * the migration changes (ownership, which complete needs too, so start refuses a table complete could not
 * contract); every phase writes the state tables. Checked before the phase's first change.
 */
final class PhasePrivileges {
    private static final String[] STATE_RIGHTS = {"SELECT", "INSERT", "UPDATE", "DELETE"};

    private PhasePrivileges() {
    }

    static void require(Database db, Connection c, PhasePlan plan, HistoryTable history) throws SQLException {
        PrivilegeCheck check = PrivilegeCheck.of(plan.phase(), db)
                .stateTable(history.name(), "SELECT", "INSERT", "UPDATE")
                .stateTable(db.state().table("operations"), STATE_RIGHTS)
                .stateTable(db.state().table("backfills"), STATE_RIGHTS);
        boolean start = plan.phase().equals(Phase.START.label());
        boolean createsInTarget = plan.actions().stream().anyMatch(a -> a.stage() == Stage.TRIGGERS);
        if (start) {
            check.targetSchema();
            if (!db.dialect().schemas().exists(c, plan.newSchema())) {
                check.need(new Privilege.CreateSchema(plan.newSchema(), "to create the version schema " + plan.newSchema()));
            }
        }
        for (String table : plan.tables()) {
            QualifiedName name = new QualifiedName(db.targetSchema(), table);
            if (db.dialect().schemas().tableExists(c, name)) {
                check.need(new Privilege.OwnTable(name, "to " + plan.phase() + " " + plan.script() + ", which changes it"));
            } else {
                createsInTarget = true;
            }
        }
        if (start && createsInTarget) {
            check.need(new Privilege.OnSchema(db.targetSchema(), "CREATE",
                    "to create the sync trigger functions and new tables of " + plan.script()));
        }
        check.require(c);
    }
}
