package dev.underway.dialect.mysql;

import dev.underway.dialect.ServerVersion;

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

    @Override
    OnlineDdl dropForeignKey() {
        return OnlineDdl.instant("dropping a foreign key or CHECK is INSTANT on MariaDB");
    }
}
