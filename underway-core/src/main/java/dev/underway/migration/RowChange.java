package dev.underway.migration;

import dev.underway.Reason;
import dev.underway.UnderwayException;

import java.util.List;

/** What a backfill does to each row: set columns to expressions, or touch the row so its triggers fire. */
public sealed interface RowChange {

    /** {@code col = expr, ...}; each expression is evaluated by the batch's UPDATE on the row's current values. */
    record Assign(List<Assignment> assignments) implements RowChange {
        public Assign {
            if (assignments.isEmpty()) {
                throw UnderwayException.of(Reason.BAD_OPTION, "a backfill needs at least one assignment 'column = expression'");
            }
            assignments = List.copyOf(assignments);
        }

        @Override
        public String describe() {
            return String.join(", ", assignments.stream().map(a -> a.column() + " = " + a.expression()).toList());
        }
    }

    /** A no-op UPDATE of one writable column to itself: row triggers fire, no value changes. */
    record Touch() implements RowChange {
        @Override
        public String describe() {
            return "touch";
        }
    }

    /** A column and the SQL expression it is set to. */
    record Assignment(String column, String expression) {
    }

    /** How the change is recorded with its checkpoint (a resume must make the same change). */
    String describe();

    static RowChange touch() {
        return new Touch();
    }
}
