package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbOnlineCliIT extends OnlineCliScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    String lockTimeout() {
        return "1s";
    }

    @Override
    String blockerSessionId(long id) {
        return "connection " + id;
    }

    @Override
    String idleState() {
        return "Sleep with an open transaction";
    }

    @Test
    void operationsTheClassifierKnowsAreOnlineRunWithTheirOnlineClause() throws Exception {
        write("V2__index.sql", "CREATE INDEX t_c ON t (c);\nALTER TABLE t ADD COLUMN d int, ALGORITHM=COPY;");
        Cli dry = migrate("--dry-run", "--unsafe");
        assertThat(dry.out()).contains("ALTER TABLE t ADD COLUMN c int, ALGORITHM=INSTANT;")
                .contains("CREATE INDEX t_c ON t (c) ALGORITHM=INPLACE LOCK=NONE;")
                .contains("ALTER TABLE t ADD COLUMN d int, ALGORITHM=COPY;");
        assertThat(migrate("--dry-run", "--unsafe", "--no-online-clause").out())
                .contains("ALTER TABLE t ADD COLUMN c int;").contains("CREATE INDEX t_c ON t (c);");

        Cli run = migrate("--unsafe");
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '"
                     + db.name() + "' AND INDEX_NAME = 't_c'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
