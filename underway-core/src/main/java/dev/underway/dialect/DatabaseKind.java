package dev.underway.dialect;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.mysql.MySqlStatementCancel;
import dev.underway.dialect.postgres.PostgresStatementCancel;

import java.util.Locale;
import java.util.Properties;

/** The engine families Underway speaks to, chosen from the JDBC URL. */
public enum DatabaseKind {
    POSTGRESQL("jdbc:postgresql:"),
    MARIADB("jdbc:mariadb:"),
    MYSQL("jdbc:mysql:");

    private final String urlPrefix;

    DatabaseKind(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    public static DatabaseKind fromUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (DatabaseKind kind : values()) {
            if (lower.startsWith(kind.urlPrefix)) {
                return kind;
            }
        }
        throw UnderwayException.of(Reason.BAD_OPTION, "unsupported JDBC URL '" + Redaction.url(url)
                + "'; use jdbc:postgresql://host:port/db, jdbc:mariadb://host:port/db or jdbc:mysql://host:port/db");
    }

    /**
     * The URL handed to the driver. MySQL URLs go through the MariaDB driver (LGPL, one driver
     * for both servers), which accepts the {@code jdbc:mysql:} scheme only when asked to.
     */
    public String driverUrl(String url) {
        if (this != MYSQL || url.contains("permitMysqlScheme")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }

    /** Properties that make Underway's sessions recognisable to DBAs and blocker reports. */
    public Properties connectionProperties() {
        Properties p = new Properties();
        if (this == POSTGRESQL) {
            p.setProperty("ApplicationName", "underway");
        } else {
            p.setProperty("connectionAttributes", "program_name:underway");
        }
        return p;
    }

    /** How to cancel what a connection of this kind runs (see {@link StatementCancel}). */
    public StatementCancel statementCancel() {
        return this == POSTGRESQL ? new PostgresStatementCancel() : new MySqlStatementCancel();
    }

    public boolean isMySqlFamily() {
        return this != POSTGRESQL;
    }
}
