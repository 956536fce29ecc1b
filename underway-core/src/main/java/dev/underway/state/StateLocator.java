package dev.underway.state;

import dev.underway.Audience;
import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Redaction;
import dev.underway.migration.QualifiedName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides where the state tables of a target are when the user did not say.
 *
 * <p>PostgreSQL: schema {@code underway} of the same database, so dropping the database drops
 * the history with it, and one state schema serves every target schema and its version schemas.
 *
 * <p>MySQL/MariaDB: inside the target database, as {@code underway_history} (what Flyway does).
 * A separate {@code underway} database outlived the target it described ({@code DROP DATABASE app;
 * CREATE DATABASE app} left a history that said everything was applied) and needed privileges
 * beyond the application's own database. A history (or backfill) of this target still found in
 * that database, where earlier versions kept it, is used from there, and a warning says how to
 * move it.
 */
public final class StateLocator {
    private static final Logger LOG = LoggerFactory.getLogger(StateLocator.class);
    /** Tables that may hold a target's rows in the legacy location; operations exist on PostgreSQL only. */
    private static final List<String> LEGACY_TABLES = List.of("history", "backfills");
    /** Each legacy target is announced once per process, not at every connection a command opens. */
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private StateLocator() {
    }

    /**
     * Where the state of {@code target} is: {@code requested} when it names a schema, else the engine's default, or
     * the legacy location when that still holds this target's rows (then a warning, once per process, names the
     * remedies as {@code audience} knows them).
     */
    public static StateLocation resolve(Connection c, Dialect dialect, String target, StateLocation requested,
                                        Audience audience) throws SQLException {
        if (!requested.isDefault()) {
            return requested;
        }
        if (!dialect.kind().isMySqlFamily()) {
            return new StateLocation(StateLocation.SEPARATE_SCHEMA, requested.tablePrefix());
        }
        StateLocation inTarget = new StateLocation(target,
                requested.tablePrefix() == null ? StateLocation.IN_TARGET_PREFIX : requested.tablePrefix());
        if (requested.tablePrefix() != null || dialect.schemas().tableExists(c, inTarget.history())) {
            return inTarget;
        }
        StateLocation legacy = new StateLocation(StateLocation.SEPARATE_SCHEMA, null);
        List<String> holding = new ArrayList<>();
        for (String name : LEGACY_TABLES) {
            if (holdsRowsOf(c, dialect, legacy.table(name), target)) {
                holding.add(name);
            }
        }
        if (holding.isEmpty()) {
            return inTarget;
        }
        if (ANNOUNCED.add(c.getMetaData().getURL() + "|" + target)) {
            LOG.warn(Setting.render(legacyNotice(dialect, target, legacy, inTarget, holding), audience));
        }
        return legacy;
    }

    /** Whether a legacy state table exists, readable, with rows of this target (a user without access sees none). */
    private static boolean holdsRowsOf(Connection c, Dialect dialect, QualifiedName table, String target)
            throws SQLException {
        if (!dialect.schemas().tableExists(c, table)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table.render(dialect)
                + " WHERE target_schema = ? LIMIT 1")) {
            ps.setString(1, target);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            // Guessing "not there" could apply every migration again to a database that has them.
            throw UnderwayException.of(Reason.PRIVILEGE_MISSING, "cannot read " + table + " to learn whether it holds the history of " + target
                    + ", where earlier versions kept it: " + Redaction.message(e) + "; grant SELECT on it, or say where"
                    + " the state is: " + whereTheStateIs(table.schema(), target) + " (inside " + target + ")");
        }
    }

    /** The remedies "the state is there" or "inside the target, prefixed", as either audience knows them. */
    private static String whereTheStateIs(String there, String target) {
        return Setting.either("--state-schema " + there + " (there) or --state-schema " + target
                + " --state-table-prefix " + StateLocation.IN_TARGET_PREFIX, "stateSchema(\"" + there
                + "\") (there) or stateSchema(\"" + target + "\").stateTablePrefix(\"" + StateLocation.IN_TARGET_PREFIX
                + "\")");
    }

    /**
     * Says where the state is and gives the statements that move this target's rows into the default location: a
     * template (see {@link Setting#render}).
     */
    static String legacyNotice(Dialect dialect, String target, StateLocation legacy, StateLocation inTarget,
                               List<String> tables) {
        StringBuilder move = new StringBuilder();
        for (String t : tables) {
            String from = legacy.table(t).render(dialect);
            String to = inTarget.table(t).render(dialect);
            String where = " WHERE target_schema = " + dialect.literal(target);
            move.append("\n    CREATE TABLE ").append(to).append(" LIKE ").append(from).append(";")
                    .append("\n    INSERT INTO ").append(to).append(" SELECT * FROM ").append(from).append(where).append(";")
                    .append("\n    DELETE FROM ").append(from).append(where).append(";");
        }
        return "the state of database " + target + " (" + String.join(", ", tables.stream()
                .map(t -> legacy.table(t).toString()).toList()) + ") is in the separate database "
                + legacy.schema() + ", where earlier versions kept it; Underway keeps using it there. The default is"
                + " now inside the target database (" + inTarget.history() + "), so that the history goes when the"
                + " database is dropped and needs no privileges outside it. To move it, while no underway process"
                + " runs on " + target + ":" + move + "\n  or keep it where it is and silence this warning with"
                + " " + Setting.either("--state-schema " + legacy.schema(), "stateSchema(\"" + legacy.schema() + "\")");
    }
}
