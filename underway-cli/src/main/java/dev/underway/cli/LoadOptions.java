package dev.underway.cli;

import dev.underway.report.LoadRequest;
import dev.underway.report.QueryMix;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;

/** The simulated application's options, shared by load and rehearse. */
final class LoadOptions {
    @Option(names = "--clients", defaultValue = "4", description = "Simulated application connections."
            + " Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--rate", defaultValue = "200", description = "Queries per second of all clients together; 0: as fast"
            + " as they can. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--mix", defaultValue = "read=80,insert=10,update=10", description = "Weights of point reads,"
            + " inserts and updates. Default: ${DEFAULT-VALUE}.")
    String mix;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic values and the choice of"
            + " queries. Default: ${DEFAULT-VALUE}.")
    long seed;

    QueryMix queryMix() {
        return QueryMix.parse(mix);
    }

    /** A load of these clients on {@code tables} for {@code duration} (positive: else a usage error). */
    LoadRequest request(List<String> tables, Duration duration) {
        return new LoadRequest(tables, clients, rate, queryMix(), seed, duration);
    }
}
