package dev.underway.migration;

import dev.underway.Durations;
import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a caller asks for: the table, the per-row change, an optional predicate, and how fast
 * and how politely to go. Validated when built; checked against the database by the planner.
 *
 * @param schema          the table's schema (PostgreSQL) or database (MySQL); null: the connection's default
 * @param setText         the change as {@code col = expr, ...}, parsed with the engine's lexer; or null with {@code change}
 * @param predicate       only rows matching this SQL condition are changed; null: all rows
 * @param name            the checkpoint's name; null: {@code schema.table}
 * @param batchSize       a fixed batch size; null: adaptive toward {@code targetBatchTime}
 * @param maxRowsPerSecond 0: no cap
 * @param replicaUrls     MySQL/MariaDB replicas to read the lag from (same credentials); PostgreSQL reads its standbys' lag on the primary
 * @param throttleAbove   the backfill waits while {@code throttleQuery} returns a number above this
 * @param catchUp         after the sweep, re-sweep for rows whose columns differ from their expressions until none do
 * @param lockTimeout     how long one batch may wait for a row lock; null: the target batch time (at least 1 s on MySQL)
 * @param retryBudget     how long to keep retrying batches that hit lock timeouts or deadlocks before giving up
 */
public record BackfillRequest(
        String schema,
        String table,
        String setText,
        RowChange change,
        String predicate,
        String name,
        Integer batchSize,
        Duration targetBatchTime,
        double maxRowsPerSecond,
        Duration maxReplicaLag,
        List<String> replicaUrls,
        String throttleQuery,
        double throttleAbove,
        Duration throttleCheckInterval,
        ResumeMode resume,
        boolean catchUp,
        int maxCatchUpPasses,
        Duration lockTimeout,
        Duration retryBudget) {

    public static final Duration DEFAULT_TARGET = Duration.ofMillis(200);

    public BackfillRequest {
        if (table == null || table.isBlank()) {
            throw UnderwayException.of(Reason.BAD_OPTION, "a backfill needs a table (" + Setting.BACKFILL_TABLE.ref() + ")");
        }
        if ((setText == null) == (change == null)) {
            throw UnderwayException.of(Reason.BAD_OPTION, "a backfill needs exactly one change: "
                    + Setting.either("--set \"column = expression\" or --touch", "set(String) or change(RowChange)"));
        }
        if (batchSize != null && batchSize < 1) {
            throw UnderwayException.of(Reason.BAD_OPTION, Setting.BATCH_SIZE.ref() + " must be at least 1, got " + batchSize);
        }
        if (targetBatchTime.toMillis() < 10) {
            throw UnderwayException.of(Reason.BAD_OPTION, Setting.TARGET_BATCH_TIME.ref() + " must be at least 10 ms, got "
                    + targetBatchTime.toMillis());
        }
        if (maxRowsPerSecond < 0) {
            throw UnderwayException.of(Reason.BAD_OPTION, Setting.MAX_ROWS_PER_SECOND.ref() + " must be positive");
        }
        if ((throttleQuery == null) != Double.isNaN(throttleAbove)) {
            throw UnderwayException.of(Reason.BAD_OPTION, Setting.either("--throttle-query and --throttle-above go together", "throttleQuery(String, double) needs both"));
        }
        replicaUrls = List.copyOf(replicaUrls);
    }

    public static Builder builder(String table) {
        return new Builder(table);
    }

    /** The lock wait of one batch. */
    public Duration effectiveLockTimeout() {
        return lockTimeout != null ? lockTimeout : targetBatchTime;
    }

    /** A batch that runs this long is cancelled and retried smaller: well above the target, never below 5 s. */
    public Duration statementTimeout() {
        return Duration.ofMillis(Math.max(5_000, targetBatchTime.toMillis() * 25));
    }

    /** Builds a {@link BackfillRequest}; only the table and the change are required. */
    public static final class Builder {
        private final String table;
        private String schema;
        private String setText;
        private RowChange change;
        private String predicate;
        private String name;
        private Integer batchSize;
        private Duration targetBatchTime = DEFAULT_TARGET;
        private double maxRowsPerSecond;
        private Duration maxReplicaLag;
        private final List<String> replicaUrls = new ArrayList<>();
        private String throttleQuery;
        private double throttleAbove = Double.NaN;
        private Duration throttleCheckInterval = Duration.ofSeconds(1);
        private ResumeMode resume = ResumeMode.NEW;
        private boolean catchUp = true;
        private int maxCatchUpPasses = 3;
        private Duration lockTimeout;
        private Duration retryBudget = Duration.ofMinutes(10);

        private Builder(String table) {
            this.table = table;
        }

        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** The change as SQL: {@code "tier = 'free', score = coalesce(score, 0)"}. */
        public Builder set(String assignments) {
            this.setText = assignments;
            return this;
        }

        /** The change as data, e.g. {@link RowChange#touch()}. */
        public Builder change(RowChange change) {
            this.change = change;
            return this;
        }

        public Builder where(String predicate) {
            this.predicate = predicate == null || predicate.isBlank() ? null : predicate;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder batchSize(Integer batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder targetBatchTime(Duration target) {
            this.targetBatchTime = target;
            return this;
        }

        public Builder maxRowsPerSecond(double rowsPerSecond) {
            this.maxRowsPerSecond = rowsPerSecond;
            return this;
        }

        public Builder maxReplicaLag(Duration lag) {
            this.maxReplicaLag = lag;
            return this;
        }

        public Builder replicaUrl(String url) {
            this.replicaUrls.add(url);
            return this;
        }

        public Builder throttleQuery(String sql, double above) {
            this.throttleQuery = sql;
            this.throttleAbove = above;
            return this;
        }

        /** How often throttles (probe, replica lag, pause flag) are checked; default 1 s. */
        public Builder throttleCheckInterval(Duration interval) {
            this.throttleCheckInterval = interval;
            return this;
        }

        public Builder resume(ResumeMode mode) {
            this.resume = mode;
            return this;
        }

        public Builder catchUp(boolean catchUp) {
            this.catchUp = catchUp;
            return this;
        }

        public Builder maxCatchUpPasses(int passes) {
            this.maxCatchUpPasses = passes;
            return this;
        }

        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = timeout;
            return this;
        }

        public Builder retryBudget(Duration budget) {
            this.retryBudget = budget;
            return this;
        }

        public BackfillRequest build() {
            if (throttleCheckInterval.isNegative() || throttleCheckInterval.isZero()) {
                throw UnderwayException.of(Reason.BAD_OPTION, "throttle check interval must be positive, got "
                        + Durations.format(throttleCheckInterval));
            }
            return new BackfillRequest(schema, table, setText, change, predicate, name, batchSize, targetBatchTime,
                    maxRowsPerSecond, maxReplicaLag, replicaUrls, throttleQuery, throttleAbove, throttleCheckInterval,
                    resume, catchUp, maxCatchUpPasses, lockTimeout, retryBudget);
        }
    }
}
