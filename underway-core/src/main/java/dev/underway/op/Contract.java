package dev.underway.op;

import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What complete does to a table the migration changed, derived from its draft alone: drop the
 * columns the new version no longer shows (old columns replaced by copies, dropped columns),
 * give every remaining column its new name, rename or drop the table. In three steps, so that the
 * objects that depend on a replaced column can be re-created in between (see {@link DependentObjects}):
 * the drops, the copies taking the old columns' names (only then), the final names.
 */
final class Contract {
    private Contract() {
    }

    static List<Action> drops(Expansion x, TableDraft t) {
        List<Action> out = new ArrayList<>();
        String qt = x.qualified(t.physical);
        if (t.dropped) {
            out.add(Action.of(Phase.COMPLETE, Stage.CONTRACT, "drop table " + t.physical, PostgresExpandDdl.dropTable(qt)));
            return out;
        }
        for (String c : t.replacedColumns()) {
            out.add(Action.of(Phase.COMPLETE, Stage.CONTRACT, "drop the old column " + t.physical + "." + c,
                    PostgresExpandDdl.dropColumn(qt, c)));
        }
        return out;
    }

    /** The old column a copy replaces, if {@code physical} is a copy. */
    static Optional<String> replaces(TableDraft t, String physical) {
        return t.syncs.stream().filter(s -> physical.equals(s.newColumn()) && s.oldColumn() != null)
                .map(TableDraft.Sync::oldColumn).findFirst();
    }

    /** Each copy under its old column's name: what re-created dependents name binds to the copy. */
    static List<Action> copiesTakeOldNames(Expansion x, TableDraft t) {
        List<Action> out = new ArrayList<>();
        if (t.dropped) {
            return out;
        }
        for (TableDraft.Column c : t.columns) {
            replaces(t, c.physical).ifPresent(old -> out.add(Action.of(Phase.COMPLETE, Stage.CONTRACT, "rename "
                    + t.physical + "." + c.physical + " to " + old + " while its dependents are re-created",
                    PostgresExpandDdl.renameColumn(x.qualified(t.physical), c.physical, old))));
        }
        return out;
    }

    /** @param copiesHaveOldNames {@link #copiesTakeOldNames} ran before */
    static List<Action> columnRenames(Expansion x, TableDraft t, boolean copiesHaveOldNames) {
        List<Action> out = new ArrayList<>();
        if (t.dropped) {
            return out;
        }
        for (TableDraft.Column c : t.columns) {
            String now = copiesHaveOldNames ? replaces(t, c.physical).orElse(c.physical) : c.physical;
            if (!c.name.equals(now)) {
                out.add(Action.of(Phase.COMPLETE, Stage.CONTRACT, "rename " + t.physical + "." + now + " to " + c.name,
                        PostgresExpandDdl.renameColumn(x.qualified(t.physical), now, c.name)));
            }
        }
        return out;
    }

    static List<Action> tableRename(Expansion x, TableDraft t) {
        if (t.dropped || t.name.equals(t.physical)) {
            return List.of();
        }
        return List.of(Action.of(Phase.COMPLETE, Stage.CONTRACT, "rename table " + t.physical + " to " + t.name,
                PostgresExpandDdl.renameTable(x.qualified(t.physical), t.name)));
    }
}
