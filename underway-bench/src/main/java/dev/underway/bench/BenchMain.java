package dev.underway.bench;

import java.util.Arrays;

/** Entry point of {@code ./underway-bench}: one benchmark per argument. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (which) {
            case "migrations" -> MigrationsBench.main(rest);
            case "backfill" -> BackfillBench.main(rest);
            case "impact" -> ImpactBench.main(rest);
            case "blocker" -> BlockerBench.main(rest);
            default -> {
                System.err.println("usage: underway-bench <benchmark> [options]\n\nbenchmarks:\n"
                        + "  migrations [--count 500] [--rounds 7]   apply N tiny migrations with Underway and with Flyway 11\n"
                        + "  backfill [--rows 10000000] [--target-batch-ms 200] [--load]\n"
                        + "                                          one UPDATE of a whole table vs underway backfill, at 1M and N rows\n"
                        + "  impact [--rows 1000000] [--clients 8] [--rate 400]\n"
                        + "                                          five schema changes under load, naive vs Underway\n"
                        + "  blocker [--duration 60s] [--lock-timeout 1s] [--clients 4] [--rate 400] [--naive]\n"
                        + "                                          application throughput while a migration retries"
                        + " behind an idle-in-transaction blocker");
                System.exit(which.equals("help") ? 0 : 2);
            }
        }
        System.exit(0);
    }
}
