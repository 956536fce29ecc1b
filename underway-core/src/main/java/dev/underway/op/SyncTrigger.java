package dev.underway.op;

import dev.underway.dialect.postgres.PostgresQuoting;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.underway.dialect.postgres.PostgresQuoting.quote;
import static dev.underway.dialect.postgres.PostgresQuoting.literal;

/**
 * The BEFORE INSERT OR UPDATE trigger that keeps a table's old and new columns consistent.
 *
 * <p>Which version wrote the row decides the direction. It is read from the schemas the
 * session resolves names in ({@code current_schemas(false)}: the existing schemas of its
 * {@code search_path}, unquoted, in order): if the new version schema comes before the old
 * version schema and the base schema, the new version wrote it and the old columns are computed
 * ({@code down}); otherwise (old version, base schema, a backfill, a session that knows neither)
 * the new columns are computed ({@code up}). Never a comparison of the whole {@code search_path}
 * string: {@code "public_v2", public} and {@code "$user", public_v2} both count as the new version.
 *
 * <p>Expressions see the row's columns as variables named as the writing version names them, so
 * {@code up} is written against the old version's names and {@code down} against the new one's.
 */
public final class SyncTrigger {
    private SyncTrigger() {
    }

    static Action create(Expansion x, TableDraft t, String oldSchema) {
        String function = x.qualified(Names.syncFunction(t.physical));
        List<String> oldSchemas = new ArrayList<>(List.of(x.schema()));
        if (!oldSchema.equals(x.schema())) {
            oldSchemas.add(oldSchema);
        }
        StringBuilder b = new StringBuilder();
        b.append("CREATE OR REPLACE FUNCTION ").append(function).append("() RETURNS trigger LANGUAGE plpgsql AS $uw$\n")
                .append("#variable_conflict use_column\n")
                .append("DECLARE\n  _uw_schema name;\n  _uw_new boolean := false;\nBEGIN\n")
                .append("  FOREACH _uw_schema IN ARRAY current_schemas(false) LOOP\n")
                .append("    IF _uw_schema = ").append(literal(x.newSchema))
                .append(" THEN _uw_new := true; EXIT; END IF;\n")
                .append("    IF _uw_schema IN (").append(oldSchemas.stream().map(PostgresQuoting::literal)
                        .collect(Collectors.joining(", "))).append(") THEN EXIT; END IF;\n")
                .append("  END LOOP;\n")
                .append("  IF _uw_new THEN\n");
        block(b, x, t, t.columns.stream().map(c -> new String[] {c.name, c.physical}).toList(), false);
        b.append("  ELSE\n");
        block(b, x, t, t.oldColumns().stream().map(c -> new String[] {c, c}).toList(), true);
        b.append("  END IF;\n  RETURN NEW;\nEND\n$uw$");
        String trigger = "CREATE TRIGGER " + quote(Names.syncTrigger(x.version)) + " BEFORE INSERT OR UPDATE ON "
                + x.qualified(t.physical) + " FOR EACH ROW EXECUTE FUNCTION " + function + "()";
        return new Action(Phase.START, Stage.TRIGGERS, "sync trigger on " + t.name + " (" + describe(t) + ")",
                List.of(b.toString(), trigger), List.of(), false, null, null);
    }

    private static void block(StringBuilder b, Expansion x, TableDraft t, List<String[]> variables, boolean up) {
        List<TableDraft.Sync> syncs = t.syncs.stream().filter(s -> up ? s.up() != null : s.down() != null).toList();
        if (syncs.isEmpty()) {
            b.append("    NULL;\n");
            return;
        }
        // Only the columns the expressions name become variables: a wide table costs no more per row.
        java.util.Set<String> named = new java.util.HashSet<>();
        syncs.forEach(s -> named.addAll(Expressions.names(up ? s.up() : s.down(), x.syntax())));
        b.append("    DECLARE\n");
        for (String[] v : variables.stream().filter(v -> named.contains(v[0])).toList()) {
            b.append("      ").append(quote(v[0])).append(' ').append(x.qualified(t.physical)).append('.')
                    .append(quote(v[1])).append("%TYPE := NEW.").append(quote(v[1])).append(";\n");
        }
        b.append("    BEGIN\n");
        for (TableDraft.Sync s : syncs) {
            String target = "NEW." + quote(up ? s.newColumn() : s.oldColumn());
            String assign = target + " := " + Expressions.value(up ? s.up() : s.down()) + ";";
            String when = up ? when(x, t, s) : null;
            b.append("      ").append(when == null ? assign : "IF " + when + " THEN " + assign + " END IF;").append('\n');
        }
        b.append("    END;\n");
    }

    /** The condition under which the old version's write recomputes {@code up}; null: always. */
    private static String when(Expansion x, TableDraft t, TableDraft.Sync s) {
        if (s.refresh() == TableDraft.Refresh.ALWAYS) {
            return null;
        }
        StringBuilder w = new StringBuilder("TG_OP = 'INSERT' OR OLD.").append(quote(s.newColumn())).append(" IS NULL");
        if (s.refresh() == TableDraft.Refresh.WHEN_INPUTS_CHANGE) {
            java.util.Set<String> reads = Expressions.names(s.up(), x.syntax());
            // As text: IS DISTINCT FROM needs an equality operator, which json or point do not have.
            t.oldColumns().stream().filter(reads::contains).forEach(c -> w.append(" OR NEW.").append(quote(c))
                    .append("::text IS DISTINCT FROM OLD.").append(quote(c)).append("::text"));
        }
        return w.toString();
    }

    private static String describe(TableDraft t) {
        return t.syncs.stream().map(s -> (s.oldColumn() == null ? "" : s.oldColumn()) + (s.up() != null && s.down() != null
                ? " <-> " : s.up() != null ? " -> " : " <- ") + (s.newColumn() == null ? "" : s.newColumn()))
                .collect(Collectors.joining(", "));
    }

    static List<String> drop(Expansion x, TableDraft t) {
        return List.of("DROP TRIGGER IF EXISTS " + quote(Names.syncTrigger(x.version)) + " ON " + x.qualified(t.physical),
                "DROP FUNCTION IF EXISTS " + x.qualified(Names.syncFunction(t.physical)) + "()");
    }

    /** A query that makes the server parse one {@code up} or {@code down} expression, returning no row. */
    public record ExpressionCheck(int line, String what, String sql) {
    }

    /**
     * Before anything is created: each expression, selected from the columns it will see (the old
     * version's for {@code up}, the new version's for {@code down}, new columns as typed NULLs), so
     * a typo fails start rather than every write of the old application once the trigger exists.
     */
    static List<ExpressionCheck> checks(Expansion x, TableDraft t) {
        String oldRow = "(SELECT " + t.oldColumns().stream().map(PostgresQuoting::quote).collect(Collectors.joining(", "))
                + " FROM " + x.qualified(t.physical) + ") AS _uw_row";
        String newRow = "(SELECT " + t.columns.stream().map(c -> (c.newType != null ? "CAST(NULL AS " + c.newType + ")"
                : quote(c.physical)) + " AS " + quote(c.name)).collect(Collectors.joining(", "))
                + " FROM " + x.qualified(t.physical) + ") AS _uw_row";
        List<ExpressionCheck> out = new ArrayList<>(t.defaultChecks);
        for (TableDraft.Sync s : t.syncs) {
            if (s.up() != null) {
                String target = t.columns.stream().filter(c -> c.physical.equals(s.newColumn())).map(c -> c.name)
                        .findFirst().orElse(s.newColumn());
                out.add(new ExpressionCheck(s.line(), "up of " + t.name + "." + target + " (over the old version's"
                        + " columns " + String.join(", ", t.oldColumns()) + ")", "SELECT "
                        + Expressions.value(s.up()) + " FROM " + oldRow + " LIMIT 0"));
            }
            if (s.down() != null) {
                out.add(new ExpressionCheck(s.line(), "down of " + t.name + "." + s.oldColumn() + " (over the new"
                        + " version's columns " + t.columns.stream().map(c -> c.name).collect(Collectors.joining(", "))
                        + ")", "SELECT "
                        + Expressions.value(s.down()) + " FROM " + newRow + " LIMIT 0"));
            }
        }
        return out;
    }
}
