package dev.underway.sql.shape;

/**
 * One sub-command of ALTER TABLE, or one element of CREATE TABLE.
 *
 * @param column     the column it acts on (by its current name), or null
 * @param name       the object it names: constraint, index, trigger or partition (MySQL CONVERT TO: the character
 *                   set, lower case), or null
 * @param newName    the new name of a rename, or null
 * @param definition the column definition of ADD COLUMN / MODIFY / CHANGE (type changes: the new type), or null
 * @param constraint the constraint of ADD CONSTRAINT / MySQL ADD INDEX, or null
 * @param text       the action's own text, for messages
 * @param using      PostgreSQL {@code ALTER COLUMN ... TYPE ... USING expr} when the expression does more than cast the
 *                   column to the new type (so every row is converted), or null (no USING, or
 *                   {@code USING c}, {@code USING c::type}, {@code USING CAST(c AS type)}: the same as none)
 */
public record AlterAction(ActionKind kind, String column, String name, String newName, ColumnDef definition,
                          ConstraintDef constraint, String text, String using) {

    public AlterAction(ActionKind kind, String column, String name, String newName, ColumnDef definition,
                       ConstraintDef constraint, String text) {
        this(kind, column, name, newName, definition, constraint, text, null);
    }

    public static AlterAction of(ActionKind kind, String text) {
        return new AlterAction(kind, null, null, null, null, null, text);
    }

    public boolean is(ActionKind k) {
        return kind == k;
    }

    /** The other tables this action locks: foreign-key targets (table or inline) and attached/detached partitions. */
    public java.util.List<TableName> referencedTables() {
        java.util.List<TableName> out = new java.util.ArrayList<>();
        if (constraint != null && constraint.references() != null) {
            out.add(constraint.references());
        }
        if (definition != null) {
            definition.constraints().stream().filter(k -> k.references() != null).forEach(k -> out.add(k.references()));
        }
        if (kind == ActionKind.ATTACH_PARTITION || kind == ActionKind.DETACH_PARTITION) {
            out.add(TableName.of(name));
        }
        return out;
    }
}
