package dev.underway.cli;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.underway.observe.BackfillProgress;

import java.util.List;

/**
 * One line of {@code backfill --format json}: its {@code event} key first, then the event's fields in snake case.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "event")
sealed interface BackfillEvent {
    @JsonTypeName("started")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Started(String name, String table, long estimatedRows, boolean resumed, List<String> sql)
            implements BackfillEvent {
    }

    @JsonTypeName("pass")
    record Pass(String name, int pass, String kind) implements BackfillEvent {
        Pass(String name, int pass) {
            this(name, pass, pass == 0 ? "sweep" : "catch-up");
        }
    }

    /** @param percent of this pass, to a tenth */
    @JsonTypeName("progress")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Progress(String name, int pass, String target, long rowsDone, long rowsChanged, long estimatedTotal,
                    double percent, long rowsPerSecond, Long etaSeconds, int batchSize, long batchMs)
            implements BackfillEvent {
        static Progress of(BackfillProgress p) {
            return new Progress(p.name(), p.pass(), p.target(), p.rowsDone(), p.rowsChanged(), p.estimatedTotal(),
                    Math.round(p.percent() * 10) / 10.0, Math.round(p.rowsPerSecond()),
                    p.eta() == null ? null : p.eta().toSeconds(), p.batchSize(), p.batchMillis());
        }
    }

    @JsonTypeName("throttled")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Throttled(String name, String reason, long waitedMs) implements BackfillEvent {
    }

    @JsonTypeName("retrying")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Retrying(String name, String reason, int attempt, long waitMs, int nextBatchSize) implements BackfillEvent {
    }

    @JsonTypeName("catch_up_skipped")
    record CatchUpSkipped(String name, String reason) implements BackfillEvent {
    }

    /** The last line: what the run did. */
    @JsonTypeName("finished")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Finished(String name, String table, long rowsWalked, long rowsChanged, long batches, int catchUpPasses,
                    Boolean converged, String catchUpSkipped, long longestBatchMs, long longestLockMs, int retries,
                    long tookMs, boolean resumed, boolean alreadyDone) implements BackfillEvent {
    }
}
