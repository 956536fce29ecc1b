package dev.underway.report;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.OnlineExecution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to rehearse and under which load.
 *
 * @param from        on a database without history: the first version to rehearse (the ones below it build the
 *                    schema first); null: the newest migration of the directory. Must be null on a database with
 *                    history, whose pending migrations are rehearsed
 * @param rows        synthetic rows to add per table (by name in the target schema); 0 adds none
 * @param defaultRows rows for every touched table of an empty database that {@code rows} does not name, and for
 *                    parents that foreign keys need
 * @param loadTables  the tables the load runs on; empty: the tables the rehearsed migrations touch
 * @param ratePerSecond the load's total query rate; 0: as fast as the clients can
 * @param window      how long before and after each statement the load is summarised
 * @param complete    complete declarative (YAML) migrations after starting them (the load moves to the new version
 *                    in between, as a deploy would)
 */
public record RehearsalRequest(Path directory, MigrationVersion from, Map<String, Long> rows, long defaultRows,
                               List<String> loadTables, int clients, double ratePerSecond, QueryMix mix, long seed,
                               Duration warmup, Duration cooldown, Duration window, boolean complete,
                               OnlineExecution online) {

    public RehearsalRequest {
        rows = Map.copyOf(rows);
        loadTables = List.copyOf(loadTables);
        if (defaultRows < 0 || rows.values().stream().anyMatch(n -> n < 0)) {
            throw UnderwayException.of(Reason.BAD_OPTION, "row counts must not be negative");
        }
        mix = mix == null ? QueryMix.DEFAULT : mix;
        online = online == null ? OnlineExecution.DEFAULTS : online;
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** Defaults: 100,000 rows per touched table, 4 clients at 200 queries/s, 2 s before and after, 1 s windows. */
    public static final class Builder {
        private final Path directory;
        private MigrationVersion from;
        private final Map<String, Long> rows = new LinkedHashMap<>();
        private long defaultRows = 100_000;
        private List<String> loadTables = List.of();
        private int clients = 4;
        private double rate = 200;
        private QueryMix mix = QueryMix.DEFAULT;
        private long seed = 1;
        private Duration warmup = Duration.ofSeconds(2);
        private Duration cooldown = Duration.ofSeconds(2);
        private Duration window = Duration.ofSeconds(1);
        private boolean complete = true;
        private OnlineExecution online = OnlineExecution.DEFAULTS;

        private Builder(Path directory) {
            this.directory = directory;
        }

        public Builder from(MigrationVersion v) {
            from = v;
            return this;
        }

        public Builder rows(String table, long n) {
            rows.put(table, n);
            return this;
        }

        public Builder defaultRows(long n) {
            defaultRows = n;
            return this;
        }

        public Builder loadTables(List<String> tables) {
            loadTables = tables;
            return this;
        }

        public Builder clients(int n) {
            clients = n;
            return this;
        }

        public Builder ratePerSecond(double r) {
            rate = r;
            return this;
        }

        public Builder mix(QueryMix m) {
            mix = m;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public Builder warmup(Duration d) {
            warmup = d;
            return this;
        }

        public Builder cooldown(Duration d) {
            cooldown = d;
            return this;
        }

        public Builder window(Duration d) {
            window = d;
            return this;
        }

        public Builder complete(boolean c) {
            complete = c;
            return this;
        }

        public Builder online(OnlineExecution o) {
            online = o;
            return this;
        }

        public RehearsalRequest build() {
            return new RehearsalRequest(directory, from, rows, defaultRows, loadTables, clients, rate, mix, seed, warmup,
                    cooldown, window, complete, online);
        }
    }
}
