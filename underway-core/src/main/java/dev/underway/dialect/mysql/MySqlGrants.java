package dev.underway.dialect.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session's grants as {@code SHOW GRANTS} lists them (its own and, on MariaDB, those to {@code PUBLIC}):
 * which privileges it holds on what. Readable only when it is certain: role grants and partial revokes make
 * it {@link #unknown()} (the server then decides), as does a line this reader does not understand.
 */
final class MySqlGrants {
    private static final String NAME = "(?:`(?:[^`]|``)*`|\\*)";
    private static final Pattern GRANT = Pattern.compile(
            "GRANT (.+?) ON (?:(TABLE|PROCEDURE|FUNCTION|PACKAGE BODY|PACKAGE) )?(" + NAME + ")(?:\\.(" + NAME + "))? TO .*",
            Pattern.DOTALL);
    /** A privilege with a column list, e.g. {@code SELECT (`a`, `b`)}: it grants no table-wide right. */
    private static final Pattern COLUMNS = Pattern.compile("\\([^)]*\\)");

    /** One GRANT line on tables: the privileges, the database (a LIKE pattern at database level) and the table. */
    private record Grant(Set<String> privileges, String database, String table) {
        boolean covers(String right, String db, String tableName) {
            if (!privileges.contains(right) && !privileges.contains("ALL PRIVILEGES") && !privileges.contains("ALL")) {
                return false;
            }
            if (database == null) {
                return true;
            }
            if (table == null) {
                return db != null && like(database, db);
            }
            return database.equalsIgnoreCase(db) && tableName != null && table.equalsIgnoreCase(tableName);
        }
    }

    private final List<Grant> grants;

    private MySqlGrants(List<Grant> grants) {
        this.grants = grants;
    }

    static MySqlGrants unknown() {
        return new MySqlGrants(null);
    }

    static MySqlGrants parse(List<String> lines) {
        List<Grant> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("GRANT PROXY ON ")) {
                continue;
            }
            Matcher m = GRANT.matcher(line);
            if (!m.matches() || m.group(4) == null) {
                // A role granted to the user (GRANT `r` TO ...), a partial revoke, or a form this reader does not know.
                return unknown();
            }
            if (m.group(2) != null && !m.group(2).equals("TABLE")) {
                continue;
            }
            Set<String> privileges = new java.util.HashSet<>();
            for (String p : COLUMNS.matcher(m.group(1)).replaceAll("\u0000").split(",")) {
                if (!p.contains("\u0000")) {
                    privileges.add(p.strip().toUpperCase(Locale.ROOT));
                }
            }
            String db = unquote(m.group(3));
            String table = unquote(m.group(4));
            out.add("*".equals(db) ? new Grant(privileges, null, null)
                    : new Grant(privileges, db, "*".equals(table) ? null : table));
        }
        return new MySqlGrants(out);
    }

    /** Whether {@code right} is held on database {@code db} (database-wide) or, with a table, on that table. */
    Optional<Boolean> holds(String right, String db, String table) {
        if (grants == null) {
            return Optional.empty();
        }
        return Optional.of(grants.stream().anyMatch(g -> g.covers(right, db, null)
                || table != null && g.covers(right, db, table)));
    }

    private static String unquote(String name) {
        return name.equals("*") ? "*" : name.substring(1, name.length() - 1).replace("``", "`");
    }

    /** A database-level grant's name is a LIKE pattern: {@code %}, {@code _}, and {@code \} escapes (case as the server compares it, here loosely). */
    static boolean like(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (ch == '%') {
                regex.append(".*");
            } else if (ch == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(name).matches();
    }
}
