package dev.underway.dialect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one object from the catalog with what it takes to drop it and re-create it exactly:
 * a view or materialized view ({@code pg_get_viewdef}, options such as {@code security_barrier} and
 * {@code check_option}, column defaults and comments, a view's triggers and rules, a materialized
 * view's tablespace, indexes and whether it holds data), a standalone rule ({@code pg_get_ruledef},
 * whether it is enabled) or a function or procedure ({@code pg_get_functiondef}); each with its
 * owner, grants (column grants too) and comment. Runs with {@code search_path = pg_catalog} (see
 * {@link PostgresDependents}).
 */
final class PostgresRecreation {
    private static final String RELATION = """
            SELECT n.nspname, c.relname, c.relkind, pg_describe_object('pg_class'::regclass, c.oid, 0),
                   pg_get_userbyid(c.relowner), pg_has_role(current_user, c.relowner, 'MEMBER'), current_user,
                   array_to_string(c.reloptions, E'\\n'), c.relispopulated, t.spcname,
                   CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, false) END, obj_description(c.oid, 'pg_class')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_tablespace t ON t.oid = c.reltablespace
            WHERE c.oid = ?""";
    private static final String RELATION_PRINT = "SELECT md5(coalesce(pg_get_viewdef(c.oid, false), '') || '|'"
            + " || coalesce(c.reloptions::text, '') || '|' || c.relowner::text || '|' || coalesce(c.relacl::text, '')"
            + " || '|' || coalesce(obj_description(c.oid, 'pg_class'), '')) FROM pg_class c WHERE c.oid = %d";
    private static final String FUNCTION = """
            SELECT n.nspname, p.oid::regprocedure::text, p.prokind, pg_describe_object('pg_proc'::regclass, p.oid, 0),
                   pg_get_userbyid(p.proowner), pg_has_role(current_user, p.proowner, 'MEMBER'), current_user,
                   CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END, obj_description(p.oid, 'pg_proc')
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.oid = ?""";
    private static final String FUNCTION_PRINT = "SELECT md5(pg_get_functiondef(p.oid) || '|' || p.proowner::text"
            + " || '|' || coalesce(p.proacl::text, '') || '|' || coalesce(obj_description(p.oid, 'pg_proc'), ''))"
            + " FROM pg_proc p WHERE p.oid = %d";
    private static final String RULE = """
            SELECT n.nspname, r.rulename, quote_ident(n.nspname) || '.' || quote_ident(c.relname),
                   pg_describe_object('pg_rewrite'::regclass, r.oid, 0), pg_get_userbyid(c.relowner),
                   pg_has_role(current_user, c.relowner, 'MEMBER'), pg_get_ruledef(r.oid, false),
                   obj_description(r.oid, 'pg_rewrite'), r.ev_enabled
            FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE r.oid = ?""";
    private static final String RULE_PRINT = "SELECT md5(pg_get_ruledef(r.oid, false) || '|' || r.ev_enabled::text || '|'"
            + " || coalesce(obj_description(r.oid, 'pg_rewrite'), '')) FROM pg_rewrite r WHERE r.oid = %d";
    private static final String GRANTS = """
            SELECT privilege_type, CASE WHEN grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(grantee)) END,
                   is_grantable
            FROM aclexplode((%s)) ORDER BY 2, 1""";
    private static final String COLUMNS = """
            SELECT a.attname, col_description(a.attrelid, a.attnum), pg_get_expr(d.adbin, d.adrelid), a.attacl IS NOT NULL
            FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""";
    private static final String UNHANDLED = "Underway re-creates views, materialized views, rules and SQL-bodied"
            + " functions, not this kind of object";

    private PostgresRecreation() {
    }

    /**
     * An object as read: its schema (null when it has none of its own), its description, whether
     * other objects can depend on it, and how to drop and re-create it.
     */
    record Found(String schema, String description, boolean hasDependents, String problem, List<String> drop,
                 List<String> create, List<String> rehearsal, String fingerprint, String fingerprintValue) {
        PostgresDependents.Dependent dependent(String dependsOn) {
            return new PostgresDependents.Dependent(description, dependsOn, problem, problem == null ? drop : List.of(),
                    problem == null ? create : List.of(), problem == null ? rehearsal : List.of(), fingerprint,
                    fingerprintValue);
        }

        static Found unhandled(String schema, String description, boolean hasDependents, String problem) {
            return new Found(schema, description, hasDependents, problem, List.of(), List.of(), List.of(), null, null);
        }
    }

    static Found read(Connection c, PostgresDependents.Key k) throws SQLException {
        return switch (k.catalog()) {
            case "pg_class" -> relation(c, k.oid());
            case "pg_proc" -> function(c, k.oid());
            case "pg_rewrite" -> rule(c, k.oid());
            default -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_describe_object(CAST(? AS regclass), ?, 0)")) {
                    ps.setString(1, k.catalog());
                    ps.setLong(2, k.oid());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        yield Found.unhandled(null, rs.getString(1), false, UNHANDLED);
                    }
                }
            }
        };
    }

    /** Reads the one catalog row of an object. */
    private interface RowReader {
        Found read(ResultSet rs) throws SQLException;
    }

    private static Found byOid(Connection c, String sql, long oid, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return reader.read(rs);
            }
        }
    }

    private static Found relation(Connection c, long oid) throws SQLException {
        return byOid(c, RELATION, oid, rs -> {
            String schema = rs.getString(1);
            String description = rs.getString(4);
            String kind = rs.getString(3);
            if (!kind.equals("v") && !kind.equals("m")) {
                return Found.unhandled(schema, description, true, UNHANDLED);
            }
            String problem = ownership(rs.getString(5), rs.getBoolean(6), rs.getString(7));
            boolean matview = kind.equals("m");
            String name = PostgresQuoting.quote(schema) + "." + PostgresQuoting.quote(rs.getString(2));
            String what = matview ? "MATERIALIZED VIEW " : "VIEW ";
            String options = rs.getString(8);
            String head = "CREATE " + what + name + (options == null ? "" : " WITH (" + String.join(", ",
                    options.lines().map(PostgresRecreation::option).toList()) + ")")
                    + (matview && rs.getString(10) != null ? " TABLESPACE " + PostgresQuoting.quote(rs.getString(10)) : "")
                    + " AS " + withoutSemicolon(rs.getString(11));
            List<String> create = new ArrayList<>();
            List<String> rehearsal = new ArrayList<>();
            create.add(head + (matview ? rs.getBoolean(9) ? " WITH DATA" : " WITH NO DATA" : ""));
            rehearsal.add(head + (matview ? " WITH NO DATA" : ""));
            List<String> rest = new ArrayList<>();
            columns(c, oid, name, matview, rest);
            if (matview) {
                indexes(c, oid, schema, rest);
            } else {
                viewTriggersAndRules(c, oid, name, rest);
            }
            comment(rest, "COMMENT ON " + what + name, rs.getString(12));
            if (!rs.getString(5).equals(rs.getString(7))) {
                rest.add("ALTER " + what + name + " OWNER TO " + PostgresQuoting.quote(rs.getString(5)));
            }
            grants(c, "SELECT relacl FROM pg_class WHERE oid = " + oid, "ON TABLE " + name, rs.getString(5), rest);
            create.addAll(rest);
            rehearsal.addAll(rest);
            return new Found(schema, description, true, problem, List.of("DROP " + what + name), create, rehearsal,
                    RELATION_PRINT.formatted(oid), string(c, RELATION_PRINT.formatted(oid)));
        });
    }

    private static void columns(Connection c, long oid, String name, boolean matview, List<String> out)
            throws SQLException {
        List<String> granted = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String column = PostgresQuoting.quote(rs.getString(1));
                    if (rs.getString(3) != null && !matview) {
                        out.add("ALTER VIEW " + name + " ALTER COLUMN " + column + " SET DEFAULT " + rs.getString(3));
                    }
                    comment(out, "COMMENT ON COLUMN " + name + "." + column, rs.getString(2));
                    if (rs.getBoolean(4)) {
                        granted.add(rs.getString(1));
                    }
                }
            }
        }
        for (String column : granted) {
            columnGrants(c, "SELECT attacl FROM pg_attribute WHERE attrelid = " + oid + " AND attname = "
                    + PostgresQuoting.literal(column), "ON TABLE " + name, PostgresQuoting.quote(column), out);
        }
    }

    private static void indexes(Connection c, long oid, String schema, List<String> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_indexdef(i.indexrelid), ic.relname,"
                + " obj_description(i.indexrelid, 'pg_class') FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
                + " WHERE i.indrelid = ? ORDER BY ic.relname")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                    comment(out, "COMMENT ON INDEX " + PostgresQuoting.quote(schema) + "." + PostgresQuoting.quote(rs.getString(2)), rs.getString(3));
                }
            }
        }
    }

    private static void viewTriggersAndRules(Connection c, long oid, String name, List<String> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_triggerdef(oid, false), tgname,"
                + " obj_description(oid, 'pg_trigger') FROM pg_trigger WHERE tgrelid = ? AND NOT tgisinternal ORDER BY tgname")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                    comment(out, "COMMENT ON TRIGGER " + PostgresQuoting.quote(rs.getString(2)) + " ON " + name, rs.getString(3));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_ruledef(oid, false), rulename,"
                + " obj_description(oid, 'pg_rewrite') FROM pg_rewrite WHERE ev_class = ? AND rulename <> '_RETURN'"
                + " ORDER BY rulename")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(withoutSemicolon(rs.getString(1)));
                    comment(out, "COMMENT ON RULE " + PostgresQuoting.quote(rs.getString(2)) + " ON " + name, rs.getString(3));
                }
            }
        }
    }

    private static Found function(Connection c, long oid) throws SQLException {
        return byOid(c, FUNCTION, oid, rs -> {
            String schema = rs.getString(1);
            String description = rs.getString(4);
            if (rs.getString(8) == null) {
                return Found.unhandled(schema, description, true, UNHANDLED);
            }
            String signature = rs.getString(2);
            List<String> create = new ArrayList<>();
            create.add(rs.getString(8).strip());
            comment(create, "COMMENT ON ROUTINE " + signature, rs.getString(9));
            if (!rs.getString(5).equals(rs.getString(7))) {
                create.add("ALTER ROUTINE " + signature + " OWNER TO " + PostgresQuoting.quote(rs.getString(5)));
            }
            grants(c, "SELECT proacl FROM pg_proc WHERE oid = " + oid, "ON ROUTINE " + signature, rs.getString(5), create);
            return new Found(schema, description, true, ownership(rs.getString(5), rs.getBoolean(6), rs.getString(7)),
                    List.of("DROP ROUTINE " + signature), create, create, FUNCTION_PRINT.formatted(oid),
                    string(c, FUNCTION_PRINT.formatted(oid)));
        });
    }

    private static Found rule(Connection c, long oid) throws SQLException {
        return byOid(c, RULE, oid, rs -> {
            String on = PostgresQuoting.quote(rs.getString(2)) + " ON " + rs.getString(3);
            List<String> create = new ArrayList<>();
            create.add(withoutSemicolon(rs.getString(7)));
            String enabled = switch (rs.getString(9)) {
                case "D" -> "DISABLE";
                case "R" -> "ENABLE REPLICA";
                case "A" -> "ENABLE ALWAYS";
                default -> null;
            };
            if (enabled != null) {
                create.add("ALTER TABLE " + rs.getString(3) + " " + enabled + " RULE " + PostgresQuoting.quote(rs.getString(2)));
            }
            comment(create, "COMMENT ON RULE " + on, rs.getString(8));
            return new Found(rs.getString(1), rs.getString(4), false, ownership(rs.getString(5), rs.getBoolean(6),
                    null), List.of("DROP RULE " + on), create, create, RULE_PRINT.formatted(oid),
                    string(c, RULE_PRINT.formatted(oid)));
        });
    }

    /**
     * Revokes what a new object gets by default (from PUBLIC and its owner), then grants exactly what the old one
     * had; nothing when the old one had the defaults.
     */
    private static void grants(Connection c, String aclQuery, String on, String owner, List<String> out)
            throws SQLException {
        if (string(c, "SELECT (" + aclQuery + ") IS NOT NULL").equals("t")) {
            out.add("REVOKE ALL " + on + " FROM PUBLIC");
            out.add("REVOKE ALL " + on + " FROM " + PostgresQuoting.quote(owner));
            columnGrants(c, aclQuery, on, null, out);
        }
    }

    private static void columnGrants(Connection c, String aclQuery, String on, String column, List<String> out)
            throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(GRANTS.formatted(aclQuery))) {
            while (rs.next()) {
                out.add("GRANT " + rs.getString(1) + (column == null ? "" : " (" + column + ")") + " " + on + " TO "
                        + rs.getString(2) + (rs.getBoolean(3) ? " WITH GRANT OPTION" : ""));
            }
        }
    }

    private static String ownership(String owner, boolean member, String user) {
        return member ? null : "it is owned by role " + owner + ", and Underway's role" + (user == null ? "" : " " + user)
                + " is not a member of it, so it cannot drop and re-create it (GRANT " + PostgresQuoting.quote(owner) + " TO the role"
                + " Underway connects as)";
    }

    private static void comment(List<String> out, String on, String text) {
        if (text != null) {
            out.add(on + " IS " + PostgresQuoting.literal(text));
        }
    }

    /** {@code check_option=local} as {@code check_option='local'}. */
    private static String option(String keyValue) {
        int eq = keyValue.indexOf('=');
        return eq < 0 ? keyValue : keyValue.substring(0, eq) + "=" + PostgresQuoting.literal(keyValue.substring(eq + 1));
    }

    private static String withoutSemicolon(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }

    /** The body between dollar quotes whose tag it does not contain. */
    static String dollarQuoted(String body) {
        String tag = "$uw$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$uw" + i + "$";
        }
        return tag + "\n" + body + "\n" + tag;
    }

    static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
