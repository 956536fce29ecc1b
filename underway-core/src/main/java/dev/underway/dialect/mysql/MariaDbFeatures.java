package dev.underway.dialect.mysql;

import dev.underway.dialect.ServerVersion;
import dev.underway.sql.shape.SqlType;

import java.util.Optional;

/** Where MariaDB's InnoDB differs from MySQL's (MariaDB KB, "InnoDB Online DDL Operations with ALGORITHM=INSTANT"). */
final class MariaDbFeatures extends MySqlFeatures {

    MariaDbFeatures(ServerVersion version) {
        super(version);
    }

    @Override
    OnlineDdl addColumn(boolean positioned) {
        if (version.isSameOrAfter(10, 4)) {
            return OnlineDdl.instant("ADD COLUMN is INSTANT in any position since MariaDB 10.4");
        }
        if (version.isSameOrAfter(10, 3, 2) && !positioned) {
            return OnlineDdl.instant("ADD COLUMN as the last column is INSTANT since MariaDB 10.3.2");
        }
        return OnlineDdl.inplace(true, "ADD COLUMN rebuilds the table in place on this MariaDB version");
    }

    @Override
    OnlineDdl dropColumn() {
        return version.isSameOrAfter(10, 4) ? OnlineDdl.instant("DROP COLUMN is INSTANT since MariaDB 10.4")
                : OnlineDdl.inplace(true, "DROP COLUMN before MariaDB 10.4 rebuilds the table in place");
    }

    @Override
    OnlineDdl renameColumn() {
        return OnlineDdl.instant("renaming a column changes only metadata on MariaDB");
    }

    @Override
    OnlineDdl reorder() {
        return version.isSameOrAfter(10, 4) ? OnlineDdl.instant("reordering columns is INSTANT since MariaDB 10.4")
                : super.reorder();
    }

    @Override
    OnlineDdl varcharExtension() {
        return version.isSameOrAfter(10, 4)
                ? OnlineDdl.instant("extending a VARCHAR within the same length-prefix size is INSTANT since MariaDB 10.4")
                : super.varcharExtension();
    }

    /**
     * A row whose value is shorter than 128 bytes keeps a 1-byte length in InnoDB even when the column's
     * maximum is above 255 bytes, so a column that never held more than 127 bytes can grow past 255 bytes
     * INSTANT (pinned on 10.11 and 11.4: utf8mb4 varchar(31) → (64) INSTANT, varchar(32) → (64) COPY).
     */
    @Override
    OnlineDdl varcharPastOneBytePrefix(SqlType from, SqlType to, String charset, int oldBytes) {
        return version.isSameOrAfter(10, 4) && oldBytes <= 127
                ? OnlineDdl.instant(from + " → " + to + ": every stored value is shorter than 128 bytes in " + charset
                        + ", so its 1-byte length prefix stays valid: INSTANT since MariaDB 10.4")
                : super.varcharPastOneBytePrefix(from, to, charset, oldBytes);
    }

    /** MariaDB keeps a default of literals, time and session functions ({@code now()}, {@code rand()}) INSTANT. */
    @Override
    Optional<OnlineDdl> addColumnDefault(DefaultExpression expr) {
        String perRow = expr.perRowPart();
        return perRow == null ? Optional.empty() : Optional.of(OnlineDdl.copy("the DEFAULT is evaluated for every"
                + " existing row (" + perRow + "): MariaDB copies the table"));
    }

    /** Only {@code WAIT n}/{@code NOWAIT}: ALGORITHM= or LOCK= there is a syntax error (1064; pinned on 10.11 and 11.4). */
    @Override
    boolean dropIndexTakesOnlineClause() {
        return false;
    }

    @Override
    OnlineDdl dropForeignKey() {
        return OnlineDdl.instant("dropping a foreign key or CHECK is INSTANT on MariaDB");
    }
}
