package dev.underway.exec;

import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.dialect.Privilege;
import dev.underway.dialect.Privileges;
import dev.underway.migration.QualifiedName;
import dev.underway.state.StateLocation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The privileges one command needs for what Underway itself does (create the target schema, create and
 * write its state tables, and what a phase plan alters), checked together before the command's first change.
 * A role that lacks some is told every missing privilege, on which object, what for and how to grant it, and
 * the command stops with exit 2 having changed nothing. The statements of SQL migrations are the user's:
 * they need what they need, and the server says so when they run.
 */
public final class PrivilegeCheck {
    private record StateTable(QualifiedName table, List<String> rights) {
    }

    private final String command;
    private final Database db;
    private boolean target;
    private final List<StateTable> state = new ArrayList<>();
    private final List<Privilege> needs = new ArrayList<>();

    private PrivilegeCheck(String command, Database db) {
        this.command = command;
        this.db = db;
    }

    /** @param command the command as the user typed it, for the message ({@code migrate}, {@code start}) */
    public static PrivilegeCheck of(String command, Database db) {
        return new PrivilegeCheck(command, db);
    }

    /** The command creates the target schema when it is missing, and works in it. */
    public PrivilegeCheck targetSchema() {
        target = true;
        return this;
    }

    /** The command creates this state table (and its schema) when missing, and uses it with these rights. */
    public PrivilegeCheck stateTable(QualifiedName table, String... rights) {
        state.add(new StateTable(table, List.of(rights)));
        return this;
    }

    public PrivilegeCheck need(Privilege p) {
        needs.add(p);
        return this;
    }

    /** Throws a usage error (exit 2) naming every missing privilege; reads the catalog only. */
    public void require(Connection c) throws SQLException {
        List<Privilege> all = new ArrayList<>();
        String targetSchema = db.targetSchema();
        boolean targetExists = db.dialect().schemas().exists(c, targetSchema);
        if (target) {
            all.add(targetExists ? new Privilege.OnSchema(targetSchema, "USAGE", "to run in the target " + kind() + " "
                    + targetSchema) : new Privilege.CreateSchema(targetSchema, "to create the target " + kind() + " "
                    + targetSchema));
        }
        List<Privilege> stateNeeds = new ArrayList<>();
        for (StateTable t : state) {
            stateNeeds.addAll(stateNeeds(c, t, targetExists));
        }
        all.addAll(stateNeeds);
        all.addAll(needs);
        List<Privileges.Missing> missing = db.dialect().privileges().missing(c, all);
        if (!missing.isEmpty()) {
            boolean stateMissing = missing.stream().anyMatch(m -> stateNeeds.contains(m.need()));
            throw UnderwayException.of(Reason.PRIVILEGE_MISSING, message(missing, stateMissing));
        }
    }

    private List<Privilege> stateNeeds(Connection c, StateTable t, boolean targetExists) throws SQLException {
        String schema = t.table().schema();
        String purpose = "for Underway's table " + t.table();
        boolean schemaExists = schema.equals(db.targetSchema()) ? targetExists : db.dialect().schemas().exists(c, schema);
        if (!schemaExists) {
            return List.of(new Privilege.CreateSchema(schema, "to create " + kind() + " " + schema + " " + purpose));
        }
        if (!db.dialect().schemas().tableExists(c, t.table())) {
            return List.of(new Privilege.OnSchema(schema, "USAGE", purpose),
                    new Privilege.OnSchema(schema, "CREATE", "to create table " + t.table()));
        }
        List<Privilege> out = new ArrayList<>(List.of(new Privilege.OnSchema(schema, "USAGE", purpose)));
        t.rights().forEach(r -> out.add(new Privilege.OnTable(t.table(), r, purpose)));
        return out;
    }

    /** One line per missing privilege with every purpose it serves, then how to avoid needing it where there is a way. */
    private String message(List<Privileges.Missing> missing, boolean stateMissing) {
        Map<String, List<String>> purposes = new LinkedHashMap<>();
        Map<String, String> grants = new LinkedHashMap<>();
        for (Privileges.Missing m : missing) {
            List<String> p = purposes.computeIfAbsent(m.what(), k -> new ArrayList<>());
            if (!p.contains(m.need().purpose())) {
                p.add(m.need().purpose());
            }
            grants.putIfAbsent(m.what(), m.grant());
        }
        StringBuilder b = new StringBuilder(command + " cannot run as " + db.user() + " on "
                + db.settings().redactedUrl() + "; nothing was changed. It needs:");
        purposes.forEach((what, why) -> b.append("\n  ").append(what).append(", ").append(String.join("; ", why))
                .append(" (").append(grants.get(what)).append(")"));
        StateLocation in = new StateLocation(db.targetSchema(), StateLocation.IN_TARGET_PREFIX);
        if (stateMissing && !db.state().equals(in)) {
            b.append("\nOr keep Underway's tables in the target ").append(kind()).append(", where ").append(db.user())
                    .append(" may create tables: ").append(Setting.either("--state-schema " + db.targetSchema()
                            + " --state-table-prefix " + StateLocation.IN_TARGET_PREFIX, "stateSchema(\""
                            + db.targetSchema() + "\").stateTablePrefix(\"" + StateLocation.IN_TARGET_PREFIX + "\")"));
        }
        return b.toString();
    }

    private String kind() {
        return db.dialect().kind().isMySqlFamily() ? "database" : "schema";
    }
}
