package dev.underway.sql.shape;

import dev.underway.migration.Token;

import java.util.List;

/**
 * A column definition in CREATE TABLE, ADD COLUMN or MySQL MODIFY/CHANGE.
 *
 * @param defaultExpr     the DEFAULT expression's tokens, or empty when there is none
 * @param generated       {@code GENERATED ALWAYS AS (..) STORED} (PostgreSQL) or {@code AS (..) STORED|PERSISTENT} (MySQL)
 * @param virtual         a generated column that is computed on read (MySQL/MariaDB VIRTUAL, PostgreSQL 18 VIRTUAL)
 * @param identity        {@code GENERATED .. AS IDENTITY} or MySQL {@code AUTO_INCREMENT}
 * @param serial          a PostgreSQL serial type (a sequence default)
 * @param constraints     inline constraints (PRIMARY KEY, UNIQUE, REFERENCES, CHECK) as table constraints
 * @param position        MySQL {@code FIRST} or {@code AFTER col}, or null
 */
public record ColumnDef(String name, SqlType type, List<Token> defaultExpr, boolean notNull, boolean generated,
                        boolean virtual, boolean identity, boolean serial, List<ConstraintDef> constraints,
                        String position) {

    public ColumnDef {
        defaultExpr = List.copyOf(defaultExpr);
        constraints = List.copyOf(constraints);
    }

    public boolean hasDefault() {
        return !defaultExpr.isEmpty() && !(defaultExpr.size() == 1 && defaultExpr.get(0).is("NULL"));
    }

    public boolean isPrimaryKey() {
        return constraints.stream().anyMatch(c -> c.type() == ConstraintDef.ConstraintType.PRIMARY_KEY);
    }
}
