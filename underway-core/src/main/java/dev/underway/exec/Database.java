package dev.underway.exec;

import dev.underway.Audience;
import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.config.ConnectionFailure;
import dev.underway.config.ConnectionSettings;
import dev.underway.dialect.Dialect;
import dev.underway.state.StateLocation;
import dev.underway.state.StateLocator;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The target database: how to connect, which dialect it speaks (detected at connect time)
 * which schema (PostgreSQL) or database (MySQL) the migrations apply to, and where Underway's
 * own tables are for it.
 */
public final class Database {
    private final ConnectionSettings settings;
    private final Dialect dialect;
    private final String targetSchema;
    private final String user;
    private final StateLocation state;
    private boolean targetExists;

    private Database(ConnectionSettings settings, Dialect dialect, String targetSchema, String user, boolean exists,
                     StateLocation state) {
        this.settings = settings;
        this.dialect = dialect;
        this.targetSchema = targetSchema;
        this.user = user;
        this.targetExists = exists;
        this.state = state;
    }

    /** {@link #connect(ConnectionSettings, String, StateLocation)} with the default state location. */
    public static Database connect(ConnectionSettings settings, String schema) {
        return connect(settings, schema, StateLocation.DEFAULT);
    }

    /**
     * Connects once to learn the server's dialect and version, resolve the target schema and decide where the
     * state tables are ({@link StateLocator}).
     */
    public static Database connect(ConnectionSettings settings, String schema, StateLocation state) {
        return connect(settings, schema, state, Audience.LIBRARY);
    }

    /**
     * {@link #connect(ConnectionSettings, String, StateLocation)}, logging a warning about where the state is (see
     * {@link StateLocator}) with remedies for {@code audience}.
     */
    public static Database connect(ConnectionSettings settings, String schema, StateLocation state, Audience audience) {
        try (Connection c = settings.open()) {
            Dialect dialect = settings.dialect(c);
            String target = schema != null && !schema.isBlank() ? schema : dialect.schemas().current(c);
            if (target == null) {
                throw UnderwayException.of(Reason.BAD_OPTION, "no database selected on " + settings.redactedUrl()
                        + "; put it in the URL (jdbc:mariadb://host:3306/app) or pass " + Setting.SCHEMA.ref());
            }
            boolean exists = dialect.schemas().exists(c, target);
            return new Database(settings, dialect, target, c.getMetaData().getUserName(), exists,
                    StateLocator.resolve(c, dialect, target, state, audience));
        } catch (ConnectionFailure e) {
            throw UnderwayException.of(Reason.CONNECTION_FAILED, settings.describe(e));
        } catch (SQLException e) {
            throw UnderwayException.of(Reason.CONNECTION_FAILED, "connected to " + settings.redactedUrl() + " but could not read the server's"
                    + " version and current schema: " + settings.describe(e));
        }
    }

    /**
     * A new connection whose default schema is the target schema (when that exists yet). One borrowed from the
     * caller's data source gets its session settings back when it is closed ({@link BorrowedConnection}).
     */
    public Connection open() throws SQLException {
        Connection c = settings.open();
        if (settings.source().dataSource() != null) {
            try {
                c = BorrowedConnection.restoringOnClose(c, dialect.schemas());
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        try {
            if (targetExists) {
                dialect.schemas().use(c, targetSchema);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Creates the target schema if missing and makes {@code c} use it. Call under the migration lock. */
    public void ensureTargetSchema(Connection c) throws SQLException {
        if (!targetExists) {
            dialect.schemas().createIfMissing(c, targetSchema);
            targetExists = true;
        }
        dialect.schemas().use(c, targetSchema);
    }

    public Dialect dialect() {
        return dialect;
    }

    public String targetSchema() {
        return targetSchema;
    }

    /** Where Underway's tables for this target are, resolved (never the default placeholder). */
    public StateLocation state() {
        return state;
    }

    /** The database user, as recorded in the history's installed_by. */
    public String user() {
        return user;
    }

    public ConnectionSettings settings() {
        return settings;
    }
}
