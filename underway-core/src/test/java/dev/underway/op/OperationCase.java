package dev.underway.op;

import java.sql.SQLException;

/**
 * One row of the table-driven operation tests (pgroll's style): a base schema, a migration,
 * and checks after start, after rollback and after complete, reading and writing through the
 * old and the new version.
 */
record OperationCase(String name, String setup, String yaml, Hook afterStart, Hook afterRollback, Hook afterComplete) {

    interface Hook {
        void check(VersionedDatabase db) throws SQLException;
    }

    static final Hook NOTHING = db -> { };

    static Builder of(String name) {
        return new Builder(name);
    }

    static final class Builder {
        private final String name;
        private String setup = "";
        private String yaml;
        private Hook afterStart = NOTHING;
        private Hook afterRollback = NOTHING;
        private Hook afterComplete = NOTHING;

        Builder(String name) {
            this.name = name;
        }

        Builder setup(String sql) {
            this.setup = sql;
            return this;
        }

        Builder yaml(String yaml) {
            this.yaml = yaml;
            return this;
        }

        Builder afterStart(Hook h) {
            this.afterStart = h;
            return this;
        }

        Builder afterRollback(Hook h) {
            this.afterRollback = h;
            return this;
        }

        Builder afterComplete(Hook h) {
            this.afterComplete = h;
            return this;
        }

        OperationCase build() {
            return new OperationCase(name, setup, yaml, afterStart, afterRollback, afterComplete);
        }
    }
}
