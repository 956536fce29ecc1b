package dev.underway.lint.rules;

import dev.underway.lint.Rule;
import dev.underway.lint.Rule.Engine;
import dev.underway.lint.StatementContext;
import dev.underway.sql.shape.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.underway.report.Severity.ERROR;

/**
 * A strong lock requested without a lock timeout waits behind any long transaction, and every
 * query on the table queues behind the waiting request. Underway's executor sets a short
 * timeout itself, so these fire only for files run by another tool ({@code lint --external-runner}).
 */
public final class LockTimeoutRules {
    private LockTimeoutRules() {
    }

    public static final Rule POSTGRES = new Rule("PG115", "missing-lock-timeout", ERROR, Engine.POSTGRESQL,
            "a strong lock is requested without a lock_timeout",
            "If a long transaction holds any lock on the table, this statement waits for it, and every later query "
                    + "on the table (even SELECT) queues behind the waiting request: an outage.",
            "SET lock_timeout = '2s' at the top of the file (and retry on failure), or run the migration with "
                    + "Underway, whose executor sets a short lock timeout and retries with backoff.",
            ctx -> missing(ctx, "lock_timeout"));

    public static final Rule MYSQL = new Rule("MY209", "missing-lock-wait-timeout", ERROR, Engine.MYSQL,
            "DDL is run without a short lock_wait_timeout",
            "The exclusive metadata lock waits for every open transaction that touched the table (default "
                    + "lock_wait_timeout: a year), and every later query on the table queues behind it.",
            "SET SESSION lock_wait_timeout = 5 at the top of the file (and retry on failure), or run it with "
                    + "Underway, whose executor does this.",
            ctx -> missing(ctx, "lock_wait_timeout"));

    private static String missing(StatementContext ctx, String setting) {
        if (!ctx.options().externalRunner() || ctx.lockTimeoutSet() || !ctx.verdict().strongLock()) {
            return null;
        }
        List<String> waits = new ArrayList<>();
        new TreeMap<>(relationLocks(ctx)).forEach((relation, lock) -> {
            // A relation this migration created has no other users to wait for; every other one may.
            boolean created = ctx.isNew(TableName.of(relation)) || ctx.tableIsNew() && ownTable(ctx, relation);
            if (!created && ctx.dialect().lockPolicy().isStrong(lock)) {
                waits.add(lock + " on " + relation);
            }
        });
        return waits.isEmpty() ? null : String.join(", ", waits) + (waits.size() == 1 ? " is" : " are")
                + " requested without " + setting + " set in the file";
    }

    /** The verdict's lock per relation; engines that judge only the statement's table: that table's lock. */
    private static Map<String, String> relationLocks(StatementContext ctx) {
        if (!ctx.verdict().locks().isEmpty()) {
            return ctx.verdict().locks();
        }
        return ctx.shape().table() == null ? Map.of() : Map.of(ctx.shape().table().name(), ctx.verdict().lock());
    }

    private static boolean ownTable(StatementContext ctx, String relation) {
        return ctx.shape().table() != null && ctx.shape().table().key().equals(TableName.of(relation).key());
    }

    public static List<Rule> all() {
        return List.of(POSTGRES, MYSQL);
    }
}
