package dev.underway.op;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.postgres.PostgresDependents;
import dev.underway.dialect.postgres.PostgresDependents.Dependent;
import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.dialect.postgres.PostgresQuoting;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


/**
 * The user's objects (views, materialized views, rules, SQL-bodied functions, and what depends on
 * them) that depend on what a phase drops. Complete drops old columns replaced by a copy: the
 * objects that depend on one are re-created in its contract's transaction, bound to the copy (see
 * {@link MigrationPlan#complete}). Everything else a phase would have to drop them over is refused
 * before the phase changes anything, naming the object and what to do: objects on a column or
 * table that complete drops for good, objects Underway cannot re-create, and objects on what
 * rollback drops (columns and tables start added). Underway's own version schemas are left out:
 * the phases handle them.
 */
public final class DependentObjects {
    /**
     * A column (or, with a null column, a table) that a phase drops.
     *
     * @param copy     the column that takes its place (complete of a copied column), or null: gone for good
     * @param copyType the copy's type
     * @param why      what drops it, for messages: {@code drop_column}
     */
    public record Dropped(PostgresDependents.Root root, String copy, String copyType, String why) {
        /** A version schema, dropped with CASCADE: what depends on its views would silently go with it. */
       public static Dropped schema(String name, String why) {
            return new Dropped(new PostgresDependents.Root(name, null, null), null, null, why);
        }
    }

    public static final DependentObjects NONE = new DependentObjects(List.of(), List.of(), List.of(), List.of());

    /** Objects complete re-creates, in creation order. */
    final List<Dependent> recreated;
    private final List<String> refused;
    private final List<Dropped> copied;
    /** For dry runs: objects on what complete renames, which follow the rename by themselves. */
    private final List<String> following;

    private DependentObjects(List<Dependent> recreated, List<String> refused, List<Dropped> copied,
                             List<String> following) {
        this.recreated = List.copyOf(recreated);
        this.refused = List.copyOf(refused);
        this.copied = List.copyOf(copied);
        this.following = List.copyOf(following);
    }

    /**
     * What depends on what complete drops.
     *
     * @param renamed what complete renames in place, for the dry run's notes
     * @param command the command that runs into them, for the message: {@code start}, {@code complete}
     */
    public static DependentObjects atComplete(Connection c, List<Dropped> dropped, List<Dropped> renamed,
                                       Set<String> versionSchemas, String command) throws SQLException {
        List<Dropped> copied = dropped.stream().filter(d -> d.copy() != null).toList();
        List<Dropped> gone = dropped.stream().filter(d -> d.copy() == null).toList();
        List<Dependent> onGone = PostgresDependents.of(c, roots(gone), versionSchemas);
        Set<String> goneNames = new LinkedHashSet<>(onGone.stream().map(Dependent::description).toList());
        List<String> refused = new ArrayList<>();
        onGone.forEach(d -> refused.add(d.description() + " depends on " + d.dependsOn() + ", which complete drops ("
                + why(gone, d) + "). Change or drop it first (in an SQL migration before this one), then run " + command + " again"));
        List<Dependent> recreated = new ArrayList<>();
        for (Dependent d : PostgresDependents.of(c, roots(copied), versionSchemas)) {
            if (goneNames.contains(d.description())) {
                continue;
            }
            if (d.recreatable()) {
                recreated.add(d);
            } else {
                refused.add(d.description() + " depends on " + d.dependsOn() + ", which complete replaces by its new"
                        + " shape, and " + d.problem() + ". Drop it before this migration and re-create it after");
            }
        }
        List<String> following = new ArrayList<>();
        for (Dropped r : renamed) {
            PostgresDependents.of(c, List.of(r.root()), versionSchemas).forEach(d -> following.add(d.description()
                    + " depends on " + d.dependsOn() + ", which complete " + r.why() + ": it follows the rename by"
                    + " itself (PostgreSQL refers to what it reads by identity, not by name)"));
        }
        return new DependentObjects(recreated, refused, copied, following);
    }

    /** What depends on the columns and tables start added, which rollback drops. */
    public static DependentObjects atRollback(Connection c, List<Dropped> dropped, Set<String> versionSchemas)
            throws SQLException {
        List<String> refused = new ArrayList<>();
        PostgresDependents.of(c, roots(dropped), versionSchemas).forEach(d -> refused.add(d.description()
                + " depends on " + d.dependsOn() + ", which rollback drops (start added it). It belongs to the new"
                + " version: drop it (or point it at the old version), then run rollback again"));
        return new DependentObjects(List.of(), refused, List.of(), List.of());
    }

    private static List<PostgresDependents.Root> roots(List<Dropped> dropped) {
        return dropped.stream().map(Dropped::root).toList();
    }

    private static String why(List<Dropped> gone, Dependent d) {
        return gone.stream().filter(g -> d.dependsOn().equals(g.root().describe())).map(Dropped::why)
                .findFirst().orElse(gone.stream().map(Dropped::why).distinct().reduce((a, b) -> a + ", " + b).orElse(""));
    }

    /** Refuses the phase, before it changed anything, when some object would stand in its way. */
    public void refuseBlocked(String doing) {
        if (!refused.isEmpty()) {
            throw UnderwayException.of(Reason.REFUSED_OPERATION, doing + " is refused; nothing was changed: " + String.join("; ", refused));
        }
    }

    public boolean isEmpty() {
        return recreated.isEmpty();
    }

    /** For dry runs: what complete does with each object. */
    public List<String> notes() {
        List<String> out = new ArrayList<>(recreated.stream().map(d -> "complete re-creates " + d.description()
                + " (it depends on " + d.dependsOn() + ", which complete replaces by its new shape) in its contract's"
                + " transaction, with the same definition, options, owner, grants and comments, bound to the new"
                + " column").toList());
        out.addAll(following);
        return out;
    }

    /** The contract's first statements: check that nothing changed since these were read, then drop them. */
    List<String> contractDrops() {
        if (recreated.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add(PostgresDependents.guard(recreated));
        for (int i = recreated.size() - 1; i >= 0; i--) {
            out.addAll(recreated.get(i).drop());
        }
        return out;
    }

    List<String> contractCreates() {
        return recreated.stream().flatMap(d -> d.create().stream()).toList();
    }

    public String names() {
        return String.join(", ", recreated.stream().map(Dependent::description).toList());
    }

    /**
     * Start's check, before anything is created: in a subtransaction it rolls back, add the copies, drop the
     * objects and the old columns and give the copies the old names, as complete will, and re-create the
     * objects; the database refuses what would not work on the new column (a view comparing it as text
     * after a change to integer) while nothing has changed yet.
     */
    public Action rehearsal() {
        List<String> sql = new ArrayList<>();
        for (Dropped d : copied) {
            sql.add(PostgresExpandDdl.addColumn(table(d), d.copy(), d.copyType()));
        }
        for (int i = recreated.size() - 1; i >= 0; i--) {
            sql.addAll(recreated.get(i).drop());
        }
        for (Dropped d : copied) {
            // CASCADE here drops what Underway's own phases would handle (views of version schemas); all is rolled back.
            sql.add(PostgresExpandDdl.dropColumnCascade(table(d), d.root().column()));
            sql.add(PostgresExpandDdl.renameColumn(table(d), d.copy(), d.root().column()));
        }
        recreated.forEach(d -> sql.addAll(d.rehearsal()));
        return Action.of(Phase.START, Stage.COLUMNS, "check that complete can re-create " + names() + " on the new"
                + " columns (in a subtransaction that is rolled back)", PostgresDependents.rehearsal(sql));
    }

    private static String table(Dropped d) {
        return PostgresQuoting.qualified(d.root().schema(), d.root().table());
    }
}
