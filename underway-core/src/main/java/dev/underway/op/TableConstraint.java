package dev.underway.op;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A constraint of create_table's {@code constraints:} list: unique, check, primary_key or foreign_key. */
record TableConstraint(String name, String type, List<String> columns, String check, ReferenceSpec references,
                       boolean deferrable, boolean initiallyDeferred, boolean noInherit, boolean nullsNotDistinct,
                       int line) {
    private static final Set<String> TYPES = Set.of("unique", "check", "primary_key", "foreign_key");

    static TableConstraint read(Fields f) {
        String name = f.string("name");
        String type = f.string("type");
        List<String> columns = f.has("columns") ? f.stringList("columns") : List.of();
        String check = f.optString("check");
        Fields refs = f.optObject("references");
        boolean deferrable = Boolean.TRUE.equals(f.optBool("deferrable"));
        boolean initially = Boolean.TRUE.equals(f.optBool("initially_deferred"));
        boolean noInherit = Boolean.TRUE.equals(f.optBool("no_inherit"));
        boolean nnd = Boolean.TRUE.equals(f.optBool("nulls_not_distinct"));
        ReferenceSpec r = refs == null ? null : ReferenceSpec.read(refs, false);
        f.done();
        if (!TYPES.contains(type)) {
            throw f.error("type", "constraint " + name + ": type must be one of unique, check, primary_key,"
                    + " foreign_key; got '" + type + "'");
        }
        if (type.equals("check") != (check != null)) {
            throw f.error(type.equals("check") ? "type" : "check", "constraint " + name + ": 'check' goes with"
                    + " type: check, and only with it");
        }
        if (type.equals("foreign_key") != (r != null)) {
            throw f.error(type.equals("foreign_key") ? "type" : "references", "constraint " + name + ": 'references'"
                    + " goes with type: foreign_key, and only with it");
        }
        if (!type.equals("check") && columns.isEmpty()) {
            throw f.error("columns", "constraint " + name + " needs 'columns'");
        }
        return new TableConstraint(name, type, columns, check, r, deferrable, initially, noInherit, nnd, f.line());
    }

    String definition(Expansion x, String referencedPhysical) {
        String cols = "(" + columns.stream().map(Expansion::q).collect(Collectors.joining(", ")) + ")";
        String body = switch (type) {
            case "unique" -> "UNIQUE" + (nullsNotDistinct ? " NULLS NOT DISTINCT " : " ") + cols;
            case "primary_key" -> "PRIMARY KEY " + cols;
            case "check" -> "CHECK (" + check + ")" + (noInherit ? " NO INHERIT" : "");
            default -> "FOREIGN KEY " + cols + " " + references.clause(x, referencedPhysical);
        };
        boolean canDefer = deferrable && !type.equals("check") && (references == null || !references.deferrable());
        return "CONSTRAINT " + Expansion.q(name) + " " + body + (canDefer ? " DEFERRABLE"
                + (initiallyDeferred ? " INITIALLY DEFERRED" : "") : "");
    }
}
