package dev.underway.dialect;

import dev.underway.migration.ConcurrentIndex;
import dev.underway.migration.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Finding and dropping the INVALID index a failed concurrent index build leaves behind. */
public interface ConcurrentIndexes {
    /** For engines whose index builds leave nothing behind when they fail. */
    ConcurrentIndexes NONE = new ConcurrentIndexes() {
        @Override
        public Optional<ConcurrentIndex> builtBy(SqlStatement statement) {
            return Optional.empty();
        }

        @Override
        public Optional<String> dropIfInvalid(Connection c, ConcurrentIndex index) {
            return Optional.empty();
        }
    };

    /** The index this statement builds concurrently; empty for any other statement. */
    Optional<ConcurrentIndex> builtBy(SqlStatement statement);

    /** Drops the index if it exists and is INVALID; returns its qualified name when it did. */
    Optional<String> dropIfInvalid(Connection c, ConcurrentIndex index) throws SQLException;
}
