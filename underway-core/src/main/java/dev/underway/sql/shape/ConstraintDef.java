package dev.underway.sql.shape;

import dev.underway.migration.Token;

import java.util.List;

/**
 * A table constraint (or an inline column constraint turned into one).
 *
 * @param name       the constraint name, or null when the server chooses it
 * @param columns    the constrained columns (for CHECK: empty)
 * @param references the referenced table of a FOREIGN KEY, or null
 * @param refColumns the referenced columns, possibly empty
 * @param expression the CHECK expression's tokens (without the outer parentheses)
 * @param notValid   {@code NOT VALID}: existing rows are not checked now
 * @param usingIndex {@code USING INDEX name}: the index already exists
 */
public record ConstraintDef(ConstraintType type, String name, List<String> columns, TableName references,
                            List<String> refColumns, List<Token> expression, boolean notValid, String usingIndex) {

    public ConstraintDef {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
        expression = List.copyOf(expression);
    }

    /** The kinds of constraint, as far as locking and validation go. */
    public enum ConstraintType {
        CHECK, FOREIGN_KEY, UNIQUE, PRIMARY_KEY, EXCLUDE,
        /** MySQL/MariaDB secondary indexes defined in CREATE/ALTER TABLE (not constraints). */
        INDEX, FULLTEXT_INDEX, SPATIAL_INDEX
    }

    /** True for a CHECK that says exactly {@code column IS NOT NULL}. */
    public boolean isNotNullCheck(String column) {
        List<Token> e = expression;
        int start = 0;
        int end = e.size();
        while (end - start >= 2 && e.get(start).text().equals("(") && e.get(end - 1).text().equals(")")) {
            start++;
            end--;
        }
        return type == ConstraintType.CHECK && end - start == 4 && e.get(start).identifier().equals(column)
                && e.get(start + 1).is("IS") && e.get(start + 2).is("NOT") && e.get(start + 3).is("NULL");
    }

    public ConstraintDef withName(String newName) {
        return new ConstraintDef(type, newName, columns, references, refColumns, expression, notValid, usingIndex);
    }
}
