package dev.underway.dialect.mysql;

import dev.underway.dialect.SessionProbe;
import dev.underway.dialect.BatchSql;
import dev.underway.dialect.Blockers;
import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.LockPolicy;
import dev.underway.dialect.ReplicaLag;
import dev.underway.dialect.ServerVersion;
import dev.underway.dialect.SessionTimeouts;
import dev.underway.dialect.StatementProgress;

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

    /** {@code max_statement_time} covers DDL too (an interrupted in-place index build reports 1317, a copy 1969). */
    @Override
    public SessionTimeouts sessionTimeouts() {
        return new MySqlSessionTimeouts(true);
    }

    @Override
    public Blockers blockers() {
        return new MySqlBlockers("p.TIME_MS");
    }

    @Override
    public StatementProgress statementProgress() {
        return new MySqlStatementProgress(true);
    }

    @Override
    public SessionProbe sessionProbe() {
        return new MySqlSessionProbe("INNODB_SYS_TABLES");
    }

    @Override
    public ReplicaLag replicaLag() {
        return new MySqlReplicaLag("SHOW ALL REPLICAS STATUS");
    }
}
