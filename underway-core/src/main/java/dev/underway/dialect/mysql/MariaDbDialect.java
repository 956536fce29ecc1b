package dev.underway.dialect.mysql;

import dev.underway.dialect.BatchSql;
import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.LockPolicy;
import dev.underway.dialect.ServerVersion;

/** MariaDB 10.6 and later: MySQL plus its own online-DDL and timeout features. */
public class MariaDbDialect extends MySqlDialect {

    public MariaDbDialect(ServerVersion version) {
        super(version);
    }

    @Override
    public LockPolicy lockPolicy() {
        return new MySqlLockPolicy(new MariaDbFeatures(version()));
    }

    @Override
    public DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    public BatchSql batches() {
        return new MariaDbBatchSql(this);
    }
}
