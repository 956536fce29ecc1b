package dev.underway.dialect.mysql;

import dev.underway.dialect.ServerVersion;
import dev.underway.sql.shape.SqlType;

/**
 * The version-dependent online-DDL facts of MySQL 8.0+ (manual, "Online DDL Operations").
 * {@link MariaDbFeatures} overrides what MariaDB does differently; version checks live here.
 */
class MySqlFeatures {
    final ServerVersion version;

    MySqlFeatures(ServerVersion version) {
        this.version = version;
    }

    OnlineDdl addColumn(boolean positioned) {
        if (version.isSameOrAfter(8, 0, 29)) {
            return OnlineDdl.instant("ADD COLUMN is INSTANT in any position since MySQL 8.0.29");
        }
        if (version.isSameOrAfter(8, 0, 12) && !positioned) {
            return OnlineDdl.instant("ADD COLUMN as the last column is INSTANT since MySQL 8.0.12");
        }
        return OnlineDdl.inplace(true, positioned && version.isSameOrAfter(8, 0, 12)
                ? "ADD COLUMN with FIRST/AFTER is INSTANT only since MySQL 8.0.29: the table is rebuilt in place"
                : "ADD COLUMN before MySQL 8.0.12 rebuilds the table in place");
    }

    OnlineDdl dropColumn() {
        return version.isSameOrAfter(8, 0, 29) ? OnlineDdl.instant("DROP COLUMN is INSTANT since MySQL 8.0.29")
                : OnlineDdl.inplace(true, "DROP COLUMN before MySQL 8.0.29 rebuilds the table in place");
    }

    OnlineDdl renameColumn() {
        return version.isSameOrAfter(8, 0, 28) ? OnlineDdl.instant("RENAME COLUMN is INSTANT since MySQL 8.0.28")
                : OnlineDdl.inplace(false, "RENAME COLUMN changes only metadata (INPLACE before MySQL 8.0.28)");
    }

    /** NOT NULL → NULL. */
    OnlineDdl nullableChange() {
        return OnlineDdl.inplace(true, "NOT NULL → NULL rebuilds the table in place");
    }

    OnlineDdl reorder() {
        return OnlineDdl.inplace(true, "reordering columns rebuilds the table in place");
    }

    OnlineDdl varcharExtension() {
        return OnlineDdl.inplace(false, "extending a VARCHAR within the same length-prefix size changes only metadata");
    }

    OnlineDdl typeChange(SqlType from, SqlType to) {
        return OnlineDdl.copy(from + " → " + to + " changes the data type: the table is copied and writes wait");
    }

    /** A table-level default character set or collation for new columns. */
    OnlineDdl tableCharset() {
        return OnlineDdl.inplace(false, "changing the table's default character set affects only new columns");
    }

    /** Dropping a foreign key or CHECK constraint: only metadata changes. */
    OnlineDdl dropForeignKey() {
        return OnlineDdl.inplace(false, "only metadata changes");
    }

    OnlineDdl addCheck() {
        return OnlineDdl.copy("ADD CHECK verifies every row: the table is copied and writes wait");
    }
}
