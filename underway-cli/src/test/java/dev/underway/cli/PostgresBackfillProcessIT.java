package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresBackfillProcessIT extends BackfillProcessScenario {
    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    String stateName() {
        return "public.t";
    }

    @Test
    void aFailingBatchExitsWith1AndKeepsTheCheckpoint() throws Exception {
        Cli failed = cli("--set", "n = 1 + 0 / (id - 2500)", "--batch-size", "1000");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("failed in the batch after key [2000]: ERROR: division by zero")
                .contains("the 2 batches before it (2000 rows changed) stay committed");
        assertThat(count("SELECT count(*) FROM t WHERE n <> 0")).isEqualTo(2000);
        assertThat(cli("--dry-run", "--set", "n = 1").out()).contains("by its primary key (id)")
                .contains("UPDATE \"public\".\"t\" SET \"n\" = 1 WHERE \"id\" > CAST(? AS integer) AND \"id\" <= CAST(? AS integer)");
    }
}
