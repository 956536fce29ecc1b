package dev.underway.report;

import dev.underway.Durations;
import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;

import java.time.Duration;
import java.util.List;

/**
 * A simulated application to run against tables of the target for a while ({@code Underway.load}).
 *
 * @param tables        the tables to put load on, in the target schema (at least one)
 * @param clients       connections, each running point reads, inserts and updates (1 to 1000)
 * @param ratePerSecond queries per second of all clients together; 0: as fast as they can
 * @param mix           the weights of reads, inserts and updates; null: {@link QueryMix#DEFAULT}
 * @param seed          makes the choice of queries and values repeatable
 * @param duration      how long to run (positive); a stop request ends the run earlier
 */
public record LoadRequest(List<String> tables, int clients, double ratePerSecond, QueryMix mix, long seed,
                          Duration duration) {

    public LoadRequest {
        tables = List.copyOf(tables);
        mix = mix == null ? QueryMix.DEFAULT : mix;
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw UnderwayException.of(Reason.BAD_OPTION, Setting.either("--duration", "the load's duration")
                    + " must be positive, got " + (duration == null ? "none" : Durations.format(duration)));
        }
    }

    /** 4 clients at 200 queries per second in the {@link QueryMix#DEFAULT default mix}, seed 1. */
    public static LoadRequest of(List<String> tables, Duration duration) {
        return new LoadRequest(tables, 4, 200, QueryMix.DEFAULT, 1, duration);
    }
}
