package dev.underway.lint.rules;

import dev.underway.lint.Rule;
import dev.underway.lint.Rule.Engine;
import dev.underway.sql.shape.ActionKind;
import dev.underway.sql.shape.AlterAction;
import dev.underway.sql.shape.Modifier;

import java.util.List;

import static dev.underway.report.Severity.WARNING;

/** PostgreSQL partitions: detaching without blocking every query on the partitioned table. */
public final class PostgresPartitionRules {
    private PostgresPartitionRules() {
    }

    public static final Rule DETACH = new Rule("PG118", "detach-partition-not-concurrently", WARNING, Engine.POSTGRESQL,
            "DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the partitioned table and the partition",
            "The detach itself changes only the catalog, but it needs ACCESS EXCLUSIVE on the partitioned table (queries "
                    + "on every partition wait) and on the partition; while it waits for running queries, every later "
                    + "query on them queues behind it.",
            "ALTER TABLE parent DETACH PARTITION p CONCURRENTLY (PostgreSQL 14+: SHARE UPDATE EXCLUSIVE, reads and "
                    + "writes go on; outside a transaction block, so in a migration of its own or with "
                    + "-- underway:no-transaction; not possible while the table has a default partition). If it is "
                    + "interrupted, finish it with ALTER TABLE parent DETACH PARTITION p FINALIZE.",
            ctx -> {
                List<String> detached = ctx.shape().actions().stream().filter(a -> a.is(ActionKind.DETACH_PARTITION))
                        .map(AlterAction::name).toList();
                return detached.isEmpty() || ctx.shape().has(Modifier.CONCURRENTLY) || ctx.tableIsNew() ? null
                        : "DETACH PARTITION " + String.join(", ", detached) + " takes ACCESS EXCLUSIVE on " + ctx.table()
                        + " and on the partition";
            });

    public static List<Rule> all() {
        return List.of(DETACH);
    }
}
