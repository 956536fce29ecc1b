package dev.underway.dialect.postgres;

import dev.underway.dialect.Dialect;
import dev.underway.dialect.Privilege;
import dev.underway.dialect.Privileges;
import dev.underway.migration.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's privilege functions, which count role membership and superusers as the server does:
 * {@code has_database_privilege}, {@code has_schema_privilege}, {@code has_table_privilege}, and
 * {@code pg_has_role} on the owner for ownership.
 */
final class PostgresPrivileges implements Privileges {
    private final Dialect dialect;

    PostgresPrivileges(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public List<Missing> missing(Connection c, List<Privilege> needs) throws SQLException {
        String[] session = session(c);
        String database = session[0];
        String role = dialect.quote(session[1]);
        List<Missing> out = new ArrayList<>();
        for (Privilege p : needs) {
            check(c, p, database, role).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Missing> check(Connection c, Privilege p, String database, String role) throws SQLException {
        if (p instanceof Privilege.CreateSchema) {
            return held(c, "SELECT has_database_privilege(current_database(), 'CREATE')") ? Optional.empty()
                    : Optional.of(new Missing(p, "CREATE on database " + database,
                    "GRANT CREATE ON DATABASE " + dialect.quote(database) + " TO " + role));
        }
        if (p instanceof Privilege.OnSchema s) {
            return lacks(c, "SELECT has_schema_privilege(oid, ?) FROM pg_namespace WHERE nspname = ?", s.right(), s.schema())
                    ? Optional.of(new Missing(p, s.right() + " on schema " + s.schema(),
                    "GRANT " + s.right() + " ON SCHEMA " + dialect.quote(s.schema()) + " TO " + role))
                    : Optional.empty();
        }
        if (p instanceof Privilege.OnTable t) {
            return lacks(c, "SELECT has_table_privilege(c.oid, ?) FROM pg_class c JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?", t.right(), t.table().schema(),
                    t.table().name())
                    ? Optional.of(new Missing(p, t.right() + " on table " + t.table(),
                    "GRANT " + t.right() + " ON " + t.table().render(dialect) + " TO " + role))
                    : Optional.empty();
        }
        Privilege.OwnTable t = (Privilege.OwnTable) p;
        return owner(c, t.table()).map(owner -> new Missing(p, "ownership of table " + t.table() + " (owned by " + owner
                + ")", "ALTER TABLE " + t.table().render(dialect) + " OWNER TO " + role + ", or GRANT "
                + dialect.quote(owner) + " TO " + role));
    }

    private static String[] session(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_database(), current_user");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }

    private static boolean held(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** True when the object exists and the privilege is not held; an object that does not exist is not judged. */
    private static boolean lacks(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && !rs.getBoolean(1);
            }
        }
    }

    /** The owner of a table the role does not own (directly or through a role it belongs to); empty otherwise. */
    private static Optional<String> owner(Connection c, QualifiedName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_has_role(c.relowner, 'USAGE'), pg_get_userbyid(c.relowner)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && !rs.getBoolean(1) ? Optional.of(rs.getString(2)) : Optional.empty();
            }
        }
    }
}
