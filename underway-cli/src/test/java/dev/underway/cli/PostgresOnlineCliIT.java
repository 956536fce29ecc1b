package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresOnlineCliIT extends OnlineCliScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    String lockTimeout() {
        return "400ms";
    }

    @Override
    String blockerSessionId(long id) {
        return "pid " + id;
    }

    @Override
    String idleState() {
        return "idle in transaction";
    }

    @Test
    void badTimeoutOptionsAreUsageErrors() {
        Cli zero = migrate("--lock-timeout", "0s");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("the lock timeout must be positive");
        Cli bad = migrate("--kill-blockers-after", "soon");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'soon' is not a duration");
    }

    @Test
    void dryRunShowsHowEachStatementIsGuarded() throws Exception {
        write("V2__index.sql", "CREATE INDEX CONCURRENTLY t_c_idx ON t (c);");
        write("V3__fill.sql", "-- underway:lock-timeout=5s\nUPDATE t SET c = 1;\nALTER TABLE t ALTER COLUMN c SET DEFAULT 0;");
        Cli dry = migrate("--dry-run", "--statement-timeout", "30s", "--long-statement-timeout", "2h");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out())
                .contains("-- line 1, lock timeout 1s, statement timeout 30s\nALTER TABLE t ADD COLUMN c int;")
                .contains("-- line 1, statement timeout 2h\nCREATE INDEX CONCURRENTLY t_c_idx ON t (c);")
                .contains("-- line 2\nUPDATE t SET c = 1;")
                .contains("-- line 3, lock timeout 5s, statement timeout 30s\nALTER TABLE t ALTER COLUMN c SET DEFAULT 0;");
    }
}
