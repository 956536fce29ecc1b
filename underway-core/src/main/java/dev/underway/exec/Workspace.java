package dev.underway.exec;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.config.UnderwayConfig;
import dev.underway.plan.MigrationDirectory;
import dev.underway.plan.MigrationStates;
import dev.underway.state.HistoryTable;

import java.sql.Connection;
import java.sql.SQLException;

/** The target database, its migration directory and its history table: what every command starts from. */
public record Workspace(Database db, MigrationDirectory dir, HistoryTable history, UnderwayConfig config) {

    /** Connects, detects the dialect and reads the directory (so a bad file is reported before any lock). */
    public static Workspace open(UnderwayConfig config) {
        return open(config, true);
    }

    /** The same without reading the directory: for info and validate on a machine that has no migration files. */
    public static Workspace openWithoutFiles(UnderwayConfig config) {
        return open(config, false);
    }

    private static Workspace open(UnderwayConfig config, boolean readFiles) {
        Database db = Database.connect(config.connection(), config.schema(), config.state(), config.audience());
        MigrationDirectory dir = readFiles ? MigrationDirectory.load(config.directory(), db.dialect().syntax())
                : MigrationDirectory.empty(config.directory());
        HistoryTable history = new HistoryTable(db.dialect(), db.state().history(), db.targetSchema());
        return new Workspace(db, dir, history, config);
    }

    public MigrationStates states(Connection c) throws SQLException {
        return MigrationStates.compute(dir, history.load(c),
                new MigrationStates.Options(config.outOfOrder(), config.target()));
    }

    /** The name of the session lock that serializes migrate, baseline and repair on this target. */
    public String lockName() {
        return "underway:" + history.name() + ":" + db.targetSchema();
    }

    public MigrationLock lock(dev.underway.observe.MigrationListener listener) {
        return MigrationLock.acquire(db, lockName(), config.lockWait(), listener);
    }

    public void throwIfInvalid(MigrationStates states) {
        if (!states.errors().isEmpty()) {
            throw states.invalid("validation of " + dir.root() + " against " + db.targetSchema() + " failed");
        }
    }

    public UnderwayException failure(String doing, SQLException e) {
        return UnderwayException.of(Reason.DATABASE_ERROR, "database error while " + doing + " on " + db.settings().redactedUrl()
                + ": " + db.settings().describe(e), e);
    }
}
