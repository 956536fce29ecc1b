package dev.underway.op;

import java.util.List;

/**
 * A column of create_table or add_column, in pgroll's format. As in pgroll, a column is NOT
 * NULL unless it says {@code nullable: true}.
 *
 * @param defaultSql the DEFAULT expression, or null
 * @param check      a check constraint on the column, or null
 * @param references a foreign key from the column, or null
 */
record ColumnSpec(String name, String type, boolean nullable, String defaultSql, boolean pk, boolean unique,
                  Check check, ReferenceSpec references, String comment, int line) {

    /** {@code check: {name, constraint}}. */
    record Check(String name, String constraint, boolean noInherit) {
        static Check read(Fields f) {
            Check c = new Check(f.string("name"), f.string("constraint"), Boolean.TRUE.equals(f.optBool("no_inherit")));
            f.done();
            return c;
        }

        String clause() {
            return "CHECK (" + constraint + ")" + (noInherit ? " NO INHERIT" : "");
        }
    }

    static ColumnSpec read(Fields f) {
        String name = f.string("name");
        String type = f.string("type");
        Boolean nullable = f.optBool("nullable");
        String def = f.optString("default");
        boolean pk = Boolean.TRUE.equals(f.optBool("pk"));
        boolean unique = Boolean.TRUE.equals(f.optBool("unique"));
        Fields check = f.optObject("check");
        Fields refs = f.optObject("references");
        String comment = f.optString("comment");
        Check c = check == null ? null : Check.read(check);
        ReferenceSpec r = refs == null ? null : ReferenceSpec.read(refs, true);
        f.done();
        if (pk && Boolean.TRUE.equals(nullable)) {
            throw f.error("nullable", "column " + name + " is part of the primary key, so it cannot be nullable");
        }
        return new ColumnSpec(name, type, Boolean.TRUE.equals(nullable), def, pk, unique, c, r, comment, f.line());
    }

    static List<ColumnSpec> readAll(Fields f, String key) {
        return f.list(key).stream().map(n -> read(new Fields(f.file(), key, n))).toList();
    }
}
