package dev.underway.op;

import java.util.ArrayList;
import java.util.List;

/**
 * What complete does to a table the migration changed, derived from its draft alone: drop the
 * columns the new version no longer shows (old columns replaced by copies, dropped columns),
 * give every remaining column its new name, rename or drop the table.
 */
final class Contract {
    private Contract() {
    }

    static List<Action> of(Expansion x, TableDraft t) {
        List<Action> out = new ArrayList<>();
        String qt = x.qt(t.physical);
        if (t.dropped) {
            out.add(Action.of(Phase.COMPLETE, Stage.CONTRACT, "drop table " + t.physical, "DROP TABLE IF EXISTS " + qt));
            return out;
        }
        for (String c : t.replacedColumns()) {
            out.add(Action.of(Phase.COMPLETE, Stage.CONTRACT, "drop the old column " + t.physical + "." + c,
                    "ALTER TABLE " + qt + " DROP COLUMN " + Expansion.q(c)));
        }
        for (TableDraft.Column c : t.columns) {
            if (!c.name.equals(c.physical)) {
                out.add(Action.of(Phase.COMPLETE, Stage.CONTRACT, "rename " + t.physical + "." + c.physical + " to "
                        + c.name, "ALTER TABLE " + qt + " RENAME COLUMN " + Expansion.q(c.physical) + " TO "
                        + Expansion.q(c.name)));
            }
        }
        if (!t.name.equals(t.physical)) {
            out.add(Action.of(Phase.COMPLETE, Stage.CONTRACT, "rename table " + t.physical + " to " + t.name,
                    "ALTER TABLE " + qt + " RENAME TO " + Expansion.q(t.name)));
        }
        return out;
    }
}
