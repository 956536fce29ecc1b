package dev.underway.dialect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects that depend, directly or through one another, on columns or tables about to be
 * dropped: those PostgreSQL refuses to drop them over ({@code pg_depend} entries of type
 * {@code n}). Each comes with the statements that drop it and re-create it exactly (see
 * {@link PostgresRecreation}), in an order that works: dependents are dropped before what they
 * depend on and created after it. Objects in the excluded schemas (Underway's version schemas,
 * which their own phases handle) are left out, and so is what depends on them.
 *
 * <p>Everything is read with {@code search_path = pg_catalog}, so every definition names its
 * objects with their schema and means the same whatever the session's search path is when it is
 * re-created.
 */
public final class PostgresDependents {
    /**
     * A column that will be dropped; with a null column a whole table (and its row type); with a null table too,
     * every relation of a schema (a version schema dropped with CASCADE, which would take what depends on it along).
     */
    public record Root(String schema, String table, String column) {
        /** {@code column users.email}, {@code table public.users}: how messages name it. */
        public String describe() {
            return table == null ? "version schema " + schema : column == null ? "table " + schema + "." + table
                    : "column " + table + "." + column;
        }
    }

    /**
     * One dependent object.
     *
     * @param description  as PostgreSQL names it: {@code view public.user_summary}
     * @param dependsOn    the root or the object it depends on, for messages: {@code column users.email}
     * @param problem      why it cannot be re-created (null when it can)
     * @param drop         statements that drop it (none for what cannot be re-created)
     * @param create       statements that re-create it with its options, owner, grants and comments
     * @param rehearsal    {@code create} without the work a check need not do (a materialized view's data)
     * @param fingerprint  a query for one text that changes when the object does; null for what cannot be re-created
     */
    public record Dependent(String description, String dependsOn, String problem, List<String> drop,
                            List<String> create, List<String> rehearsal, String fingerprint, String fingerprintValue) {
        public Dependent {
            drop = List.copyOf(drop);
            create = List.copyOf(create);
            rehearsal = List.copyOf(rehearsal);
        }

        public boolean recreatable() {
            return problem == null;
        }
    }

    /** An object as pg_depend names it: a relation (view, materialized view), a function, a rule, or anything else. */
    record Key(String catalog, long oid) {
    }

    private static final String DIRECT = """
            SELECT DISTINCT CASE WHEN r.rulename = '_RETURN' THEN 'pg_class' ELSE d.classid::regclass::text END,
                   CASE WHEN r.rulename = '_RETURN' THEN r.ev_class ELSE d.objid END
            FROM pg_depend d
            LEFT JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
            WHERE d.deptype = 'n' AND (%s)
              -- What is dropped automatically with the object (a table's constraints, triggers, policies) is no obstacle.
              AND NOT EXISTS (SELECT 1 FROM pg_depend a WHERE a.classid = d.classid AND a.objid = d.objid
                  AND a.refclassid = d.refclassid AND a.refobjid = d.refobjid AND a.deptype IN ('a', 'i')
                  AND (CAST(? AS text) IS NULL OR a.refobjsubid = d.refobjsubid))""";
    private static final String ROOT = """
            (d.refclassid = 'pg_class'::regclass AND d.refobjid IN (SELECT c.oid FROM pg_class c JOIN pg_namespace n
                 ON n.oid = c.relnamespace WHERE n.nspname = ? AND (CAST(? AS text) IS NULL OR c.relname = ?))
             AND (CAST(? AS text) IS NULL OR d.refobjsubid = (SELECT a.attnum FROM pg_attribute a
                 WHERE a.attrelid = d.refobjid AND a.attname = ?)))
            OR (CAST(? AS text) IS NULL AND d.refclassid = 'pg_type'::regclass AND d.refobjid IN (SELECT c.reltype
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND (CAST(? AS text) IS NULL OR c.relname = ?)))""";
    private static final String OF_RELATION = """
            (d.refclassid = 'pg_class'::regclass AND d.refobjid = ?)
            OR (d.refclassid = 'pg_type'::regclass AND d.refobjid = (SELECT reltype FROM pg_class WHERE oid = ?))""";
    private static final String OF_FUNCTION = "d.refclassid = 'pg_proc'::regclass AND d.refobjid = ?";

    private PostgresDependents() {
    }

    /**
     * Every object that depends on the roots, in creation order (drop them in reverse).
     *
     * @param excludedSchemas schemas whose objects are not reported (nor what depends only on them)
     */
    public static List<Dependent> of(Connection c, List<Root> roots, Set<String> excludedSchemas) throws SQLException {
        if (roots.isEmpty()) {
            return List.of();
        }
        String saved = PostgresRecreation.string(c, "SELECT current_setting('search_path')");
        PostgresRecreation.string(c, "SELECT set_config('search_path', 'pg_catalog', false)");
        try {
            return walk(c, roots, excludedSchemas);
        } finally {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('search_path', ?, false)")) {
                ps.setString(1, saved);
                ps.execute();
            }
        }
    }

    private static List<Dependent> walk(Connection c, List<Root> roots, Set<String> excluded) throws SQLException {
        Map<Key, String> parents = new LinkedHashMap<>();
        Map<Key, Set<Key>> edges = new LinkedHashMap<>();
        List<Key> frontier = new ArrayList<>();
        for (Root root : roots) {
            for (Key k : direct(c, root)) {
                parents.putIfAbsent(k, root.describe());
                if (!frontier.contains(k)) {
                    frontier.add(k);
                }
            }
        }
        Map<Key, PostgresRecreation.Found> found = new LinkedHashMap<>();
        while (!frontier.isEmpty()) {
            Key k = frontier.remove(0);
            if (found.containsKey(k)) {
                continue;
            }
            PostgresRecreation.Found f = PostgresRecreation.read(c, k);
            found.put(k, f);
            if (f.schema() != null && excluded.contains(f.schema()) || !f.hasDependents()) {
                continue;
            }
            for (Key child : dependentsOf(c, k)) {
                if (child.equals(k)) {
                    continue;
                }
                edges.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(child);
                parents.putIfAbsent(child, f.description());
                frontier.add(child);
            }
        }
        List<Dependent> out = new ArrayList<>();
        for (Key k : creationOrder(found.keySet(), edges)) {
            PostgresRecreation.Found f = found.get(k);
            if (f.schema() == null || !excluded.contains(f.schema())) {
                out.add(f.dependent(parents.get(k)));
            }
        }
        return out;
    }

    private static List<Key> direct(Connection c, Root root) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DIRECT.formatted(ROOT))) {
            String[] values = {root.schema(), root.table(), root.table(), root.column(), root.column(), root.column(),
                    root.schema(), root.table(), root.table(), root.column()};
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            return keys(ps);
        }
    }

    private static List<Key> dependentsOf(Connection c, Key k) throws SQLException {
        boolean relation = k.catalog().equals("pg_class");
        try (PreparedStatement ps = c.prepareStatement(DIRECT.formatted(relation ? OF_RELATION : OF_FUNCTION))) {
            ps.setLong(1, k.oid());
            if (relation) {
                ps.setLong(2, k.oid());
            }
            ps.setString(relation ? 3 : 2, null);
            return keys(ps);
        }
    }

    private static List<Key> keys(PreparedStatement ps) throws SQLException {
        List<Key> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Key(rs.getString(1), rs.getLong(2)));
            }
        }
        out.sort(java.util.Comparator.comparing(Key::oid));
        return out;
    }

    /** Kahn's algorithm, stable in discovery order: each object after everything it depends on. */
    private static List<Key> creationOrder(Set<Key> nodes, Map<Key, Set<Key>> edges) {
        Map<Key, Integer> incoming = new LinkedHashMap<>();
        nodes.forEach(n -> incoming.put(n, 0));
        edges.values().forEach(children -> children.forEach(ch -> incoming.merge(ch, 1, Integer::sum)));
        List<Key> out = new ArrayList<>();
        List<Key> ready = new ArrayList<>(nodes.stream().filter(n -> incoming.get(n) == 0).toList());
        while (!ready.isEmpty()) {
            Key k = ready.remove(0);
            out.add(k);
            for (Key ch : edges.getOrDefault(k, Set.of())) {
                if (incoming.merge(ch, -1, Integer::sum) == 0) {
                    ready.add(ch);
                }
            }
        }
        // A cycle cannot be built with views and SQL-bodied functions; keep whatever is left, in discovery order.
        nodes.stream().filter(n -> !out.contains(n)).forEach(out::add);
        return out;
    }

    /**
     * A statement that fails its transaction, naming the objects, unless each is still as it was read:
     * complete reads them when it plans and re-creates them in its contract, perhaps much later.
     */
    public static String guard(List<Dependent> dependents) {
        List<Dependent> checked = dependents.stream().filter(Dependent::recreatable).toList();
        StringBuilder condition = new StringBuilder();
        for (Dependent d : checked) {
            condition.append(condition.length() == 0 ? "" : " OR ").append("(").append(d.fingerprint())
                    .append(") IS DISTINCT FROM ").append(PostgresQuoting.literal(d.fingerprintValue()));
        }
        String names = String.join(", ", checked.stream().map(Dependent::description).toList());
        String body = "DECLARE path text := current_setting('search_path');\nBEGIN\n"
                + "  PERFORM set_config('search_path', 'pg_catalog', true);\n"
                + "  IF " + condition + " THEN\n"
                + "    RAISE EXCEPTION USING ERRCODE = '55000', MESSAGE = " + PostgresQuoting.literal("objects that"
                + " depend on what complete drops changed since complete read them (" + names + "); nothing was"
                + " changed: run complete again, it reads them again") + ";\n"
                + "  END IF;\n"
                + "  PERFORM set_config('search_path', path, true);\nEND";
        return "DO " + PostgresRecreation.dollarQuoted(body);
    }

    /**
     * One statement that runs {@code statements} and undoes them, in a subtransaction that is
     * rolled back (its locks too): it fails with the first statement's error, or succeeds having
     * changed nothing.
     */
    public static String rehearsal(List<String> statements) {
        StringBuilder body = new StringBuilder("BEGIN\n");
        for (String s : statements) {
            body.append("  EXECUTE ").append(PostgresQuoting.literal(s)).append(";\n");
        }
        body.append("  RAISE EXCEPTION USING ERRCODE = 'UW000', MESSAGE = 'rehearsal finished';\n")
                .append("EXCEPTION WHEN SQLSTATE 'UW000' THEN NULL;\nEND");
        return "DO " + PostgresRecreation.dollarQuoted(body.toString());
    }
}
