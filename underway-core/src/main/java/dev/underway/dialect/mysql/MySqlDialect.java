package dev.underway.dialect.mysql;

import dev.underway.dialect.BatchSql;
import dev.underway.dialect.Blockers;
import dev.underway.dialect.ColumnType;
import dev.underway.dialect.DataFill;
import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.LockPolicy;
import dev.underway.dialect.Privileges;
import dev.underway.dialect.ReplicaLag;
import dev.underway.dialect.Schemas;
import dev.underway.dialect.ServerVersion;
import dev.underway.dialect.SessionLocks;
import dev.underway.dialect.SessionProbe;
import dev.underway.dialect.SessionTimeouts;
import dev.underway.dialect.StatementProgress;
import dev.underway.dialect.TableIntrospection;
import dev.underway.dialect.TimeoutPolicy;
import dev.underway.dialect.TransactionRules;
import dev.underway.sql.SqlSyntax;

/** MySQL 8.0 and later. A schema is a database here. */
public class MySqlDialect implements Dialect {
    /** The mysql client's lexical rules under the default sql_mode. */
    public static final SqlSyntax SYNTAX = new SqlSyntax(
            false, true, true, true, true, true, false, false, true, true, false);

    private final ServerVersion version;

    public MySqlDialect(ServerVersion version) {
        this.version = version;
    }

    @Override
    public DatabaseKind kind() {
        return DatabaseKind.MYSQL;
    }

    @Override
    public ServerVersion version() {
        return version;
    }

    @Override
    public SqlSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /** MySQL's default {@code sql_mode} reads backslashes in string literals as escapes. */
    @Override
    public String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public Schemas schemas() {
        return new MySqlSchemas(this);
    }

    @Override
    public String columnType(ColumnType type) {
        return switch (type) {
            case IDENTITY -> "INT NOT NULL AUTO_INCREMENT";
            case INT -> "INT";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case NAME -> "VARCHAR(200)";
            case TEXT -> "VARCHAR(1000)";
            case LONG_TEXT -> "TEXT";
            case TIMESTAMP_NOW -> "TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)";
        };
    }

    @Override
    public SessionLocks sessionLocks() {
        return new MySqlSessionLocks();
    }

    @Override
    public LockPolicy lockPolicy() {
        return new MySqlLockPolicy(new MySqlFeatures(version));
    }

    @Override
    public TransactionRules transactions() {
        return MySqlTransactionRules.INSTANCE;
    }

    @Override
    public TableIntrospection tables() {
        return new MySqlTableIntrospection();
    }

    @Override
    public BatchSql batches() {
        return new MySqlBatchSql(this);
    }

    @Override
    public ReplicaLag replicaLag() {
        return new MySqlReplicaLag("SHOW REPLICA STATUS");
    }

    @Override
    public TimeoutPolicy timeoutPolicy() {
        return new MySqlTimeoutPolicy();
    }

    /** MySQL has no statement timeout for DDL ({@code max_execution_time} covers SELECT only). */
    @Override
    public SessionTimeouts sessionTimeouts() {
        return new MySqlSessionTimeouts(false);
    }

    @Override
    public Blockers blockers() {
        return new MySqlBlockers("p.TIME * 1000");
    }

    @Override
    public StatementProgress statementProgress() {
        return new MySqlStatementProgress(false);
    }

    @Override
    public SessionProbe sessionProbe() {
        return new MySqlSessionProbe("INNODB_TABLES");
    }

    @Override
    public DataFill dataFill() {
        return new MySqlDataFill(this);
    }

    @Override
    public Privileges privileges() {
        return new MySqlPrivileges(this);
    }
}
