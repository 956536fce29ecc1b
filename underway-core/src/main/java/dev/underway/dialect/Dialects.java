package dev.underway.dialect;

import dev.underway.dialect.mysql.MariaDbDialect;
import dev.underway.dialect.mysql.MySqlDialect;
import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.report.LintTarget;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Chooses the dialect: the family from the URL, the flavour and version from the server itself. */
public final class Dialects {
    private Dialects() {
    }

    public static Dialect detect(Connection c, DatabaseKind urlKind) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String product = md.getDatabaseProductVersion();
        ServerVersion version = ServerVersion.parse(product);
        if (urlKind == DatabaseKind.POSTGRESQL) {
            return new PostgresDialect(version);
        }
        // A jdbc:mysql: URL may point at a MariaDB server and vice versa; the server decides.
        boolean mariadb = product.toLowerCase(java.util.Locale.ROOT).contains("mariadb")
                || md.getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("mariadb");
        return mariadb ? new MariaDbDialect(version) : new MySqlDialect(version);
    }

    /** A dialect without a server, for offline work such as linting: the given version is assumed. */
    public static Dialect offline(DatabaseKind kind, ServerVersion version) {
        return switch (kind) {
            case POSTGRESQL -> new PostgresDialect(version);
            case MYSQL -> new MySqlDialect(version);
            case MARIADB -> new MariaDbDialect(version);
        };
    }

    /** A dialect without a server for what lint judges by: the target's engine at its version. */
    public static Dialect offline(LintTarget target) {
        return offline(switch (target.engine()) {
            case POSTGRESQL -> DatabaseKind.POSTGRESQL;
            case MYSQL -> DatabaseKind.MYSQL;
            case MARIADB -> DatabaseKind.MARIADB;
        }, ServerVersion.parse(target.version()));
    }

    /** The engine and version lint judges by on a server of this dialect. */
    public static LintTarget lintTarget(Dialect dialect) {
        return new LintTarget(switch (dialect.kind()) {
            case POSTGRESQL -> LintTarget.Engine.POSTGRESQL;
            case MYSQL -> LintTarget.Engine.MYSQL;
            case MARIADB -> LintTarget.Engine.MARIADB;
        }, dialect.version().toString());
    }
}
