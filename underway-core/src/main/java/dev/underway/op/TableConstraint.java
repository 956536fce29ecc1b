package dev.underway.op;

import dev.underway.dialect.postgres.PostgresDefinitions;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A constraint of create_table's {@code constraints:} list (and of create_constraint on a table the
 * migration creates): unique, check, primary_key, foreign_key or exclude, with pgroll's
 * {@code index_parameters} on those backed by an index.
 *
 * @param exclude the exclusion constraint's parts; null for other types
 */
record TableConstraint(String name, String type, List<String> columns, String check, ReferenceSpec references,
                       boolean deferrable, boolean initiallyDeferred, boolean noInherit, boolean nullsNotDistinct,
                       IndexParameters index, Exclude exclude, int line) {
    private static final Set<String> TYPES = Set.of("unique", "check", "primary_key", "foreign_key", "exclude");
    private static final Set<String> INDEXED = Set.of("unique", "primary_key", "exclude");
    private static final Set<String> METHODS = Set.of("btree", "hash", "gist", "spgist", "gin", "brin");

    /**
     * pgroll's {@code exclude: {index_method, elements, predicate}}: {@code EXCLUDE USING gist (room WITH =,
     * during WITH &&) WHERE (...)}. Equality on scalar types under gist needs the btree_gist extension.
     */
    record Exclude(String indexMethod, String elements, String predicate) {
        static Exclude read(Fields f) {
            String method = f.optString("index_method");
            String elements = f.string("elements");
            String predicate = f.optString("predicate");
            f.done();
            if (method != null && !METHODS.contains(method.toLowerCase(Locale.ROOT))) {
                throw f.error("index_method", "index_method must be one of " + String.join(", ",
                        METHODS.stream().sorted().toList()) + ", got '" + method + "'");
            }
            return new Exclude(method == null ? null : method.toLowerCase(Locale.ROOT), elements,
                    predicate == null || predicate.isBlank() ? null : predicate);
        }
    }

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
        Fields params = f.optObject("index_parameters");
        Fields ex = f.optObject("exclude");
        ReferenceSpec r = refs == null ? null : ReferenceSpec.read(refs, false);
        IndexParameters ip = IndexParameters.read(params);
        Exclude e = ex == null ? null : Exclude.read(ex);
        f.done();
        return checked(f, new TableConstraint(name, type, columns, check, r, deferrable, initially, noInherit, nnd, ip,
                e, f.line()));
    }

    /** Refuses fields that do not go with the type, naming the field's line. */
    static TableConstraint checked(Fields f, TableConstraint k) {
        String what = "constraint " + k.name() + ": ";
        if (!TYPES.contains(k.type())) {
            throw f.error("type", what + "type must be one of check, exclude, foreign_key, primary_key, unique; got '"
                    + k.type() + "'");
        }
        if (k.type().equals("check") != (k.check() != null)) {
            throw f.error(k.type().equals("check") ? "type" : "check", what + "'check' goes with type: check, and only"
                    + " with it");
        }
        if (k.type().equals("foreign_key") != (k.references() != null)) {
            throw f.error(k.type().equals("foreign_key") ? "type" : "references", what + "'references' goes with type:"
                    + " foreign_key, and only with it");
        }
        if (k.type().equals("exclude") != (k.exclude() != null)) {
            throw f.error(k.type().equals("exclude") ? "type" : "exclude", what + "'exclude' goes with type: exclude,"
                    + " and only with it");
        }
        if (!k.index().isNone() && !INDEXED.contains(k.type())) {
            throw f.error("index_parameters", what + "index_parameters go with unique, primary_key and exclude"
                    + " constraints (they have an index), not with " + k.type());
        }
        if (k.nullsNotDistinct() && !k.type().equals("unique")) {
            throw f.error("nulls_not_distinct", what + "nulls_not_distinct goes with type: unique only");
        }
        if (!k.type().equals("check") && !k.type().equals("exclude") && k.columns().isEmpty()) {
            throw f.error("columns", what + "needs 'columns'");
        }
        return k;
    }

    /** The constraint as a table definition or {@code ADD} takes it, a foreign key pointing at the physical table. */
    String definition(Expansion x, String referencedPhysical) {
        String body = switch (type) {
            case "unique" -> PostgresDefinitions.unique(columns, nullsNotDistinct, index.constraintClause());
            case "primary_key" -> PostgresDefinitions.primaryKey(columns, index.constraintClause());
            case "check" -> PostgresDefinitions.check(check, noInherit);
            case "exclude" -> PostgresDefinitions.exclude(exclude.indexMethod(), exclude.elements(),
                    index.constraintClause(), exclude.predicate());
            default -> PostgresDefinitions.foreignKey(columns, references.clause(x, referencedPhysical));
        };
        // A foreign key that is deferrable says so in its REFERENCES clause already.
        boolean canDefer = deferrable && !type.equals("check") && (references == null || !references.deferrable());
        return PostgresDefinitions.named(name, body, canDefer, initiallyDeferred);
    }
}
