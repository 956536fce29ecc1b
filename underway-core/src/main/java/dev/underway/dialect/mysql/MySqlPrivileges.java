package dev.underway.dialect.mysql;

import dev.underway.dialect.Dialect;
import dev.underway.dialect.Privilege;
import dev.underway.dialect.Privileges;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MySQL/MariaDB privileges from {@code SHOW GRANTS} (information_schema's privilege tables leave out MariaDB's
 * grants to PUBLIC). Databases play the role of schemas: creating one needs CREATE on it, and there is no
 * USAGE to hold. A server whose grants cannot be read this way (roles, no grant tables) reports nothing missing.
 */
final class MySqlPrivileges implements Privileges {
    private final Dialect dialect;

    MySqlPrivileges(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public List<Missing> missing(Connection c, List<Privilege> needs) throws SQLException {
        MySqlGrants grants = grants(c);
        String account = account(c);
        List<Missing> out = new ArrayList<>();
        for (Privilege p : needs) {
            check(grants, p, account).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Missing> check(MySqlGrants grants, Privilege p, String account) {
        String right;
        String db;
        String table = null;
        if (p instanceof Privilege.CreateSchema s) {
            right = "CREATE";
            db = s.schema();
        } else if (p instanceof Privilege.OnSchema s) {
            if (s.right().equals("USAGE")) {
                return Optional.empty();
            }
            right = s.right();
            db = s.schema();
        } else if (p instanceof Privilege.OnTable t) {
            right = t.right();
            db = t.table().schema();
            table = t.table().name();
        } else {
            Privilege.OwnTable t = (Privilege.OwnTable) p;
            right = "ALTER";
            db = t.table().schema();
            table = t.table().name();
        }
        if (grants.holds(right, db, table).orElse(true)) {
            return Optional.empty();
        }
        String object = table == null ? "database " + dialect.quote(db) : "table " + dialect.quote(db) + "."
                + dialect.quote(table);
        return Optional.of(new Missing(p, right + " on " + object, "GRANT " + right + " ON " + dialect.quote(db) + "."
                + (table == null ? "*" : dialect.quote(table)) + " TO " + account));
    }

    /** The grants, or unknown when the server does not show them (it runs without grant tables, error 1290). */
    private static MySqlGrants grants(Connection c) {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return MySqlGrants.unknown();
        }
        return MySqlGrants.parse(lines);
    }

    /** {@code 'app'@'%'}, as a GRANT names the account. */
    private static String account(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            String user = rs.getString(1);
            int at = user.lastIndexOf('@');
            return at < 0 ? "'" + user + "'" : "'" + user.substring(0, at) + "'@'" + user.substring(at + 1) + "'";
        }
    }
}
