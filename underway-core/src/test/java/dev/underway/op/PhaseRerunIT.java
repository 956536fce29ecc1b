package dev.underway.op;

import dev.underway.Phases;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.migration.PhaseResult;
import dev.underway.observe.PhaseListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static dev.underway.op.VersionedDatabase.exec;
import static dev.underway.op.VersionedDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each phase run again after it ended: killed between its last action and its final record it
 * resumes and finishes; killed after its final commit (the process printed "Completed V2" and
 * died) the rerun finds it done, says so and succeeds, recording nothing twice. The CLI's
 * {@code ExpandContractProcessIT} does the same with kill -9 of the real process.
 */
class PhaseRerunIT {
    private static final String YAML = """
            operations:
              - alter_column: {table: items, column: qty, type: integer, up: CAST(qty AS integer), down: qty::text}
            """;
    private static final String V3 = "operations:\n  - alter_column: {table: items, column: qty, type: bigint, up: qty,"
            + " down: CAST(qty AS integer)}\n";
    private VersionedDatabase db;

    @BeforeEach
    void setUp() throws SQLException {
        db = new VersionedDatabase("public_v2");
        exec(db.admin, "CREATE TABLE items (id int PRIMARY KEY, qty text); INSERT INTO items VALUES (1, '3'), (2, '4')");
    }

    /** Dies once the last action of the phase has committed, before the phase's final record. */
    private static final class DiesAfterTheLastAction implements PhaseListener {
        @Override
        public void actionFinished(String migration, String phase, int number, int total, long millis) {
            if (number == total) {
                throw new IllegalStateException("simulated kill after the last action of " + phase);
            }
        }
    }

    private Phases dying() {
        return db.underway().expandContract(new DiesAfterTheLastAction(), null);
    }

    private List<String> history() throws SQLException {
        return rows(db.admin, "SELECT version || ':' || phase || ':' || success FROM underway.history ORDER BY installed_rank");
    }

    @Test
    void startCompleteAndRollbackKilledAfterTheirLastActionFinishWhenRunAgain() throws SQLException {
        YamlMigration m = YamlMigration.parse("V2__qty.yaml", YAML);
        assertThatThrownBy(() -> dying().start(m)).hasMessageContaining("simulated kill");
        PhaseResult started = db.expandContract().start(m);
        assertThat(started.alreadyDone()).isNull();
        assertThat(started.resumedAt()).isEqualTo(started.actions());
        assertThat(db.expandContract().status()).singleElement().satisfies(s -> assertThat(s.phase() + " "
                + s.actionsDone() + "/" + s.actionsTotal()).isEqualTo("started " + started.actions() + "/" + started.actions()));

        assertThatThrownBy(() -> dying().complete(null)).hasMessageContaining("simulated kill");
        assertThat(db.expandContract().complete(null).alreadyDone()).isNull();
        assertThat(db.columns("public", "items")).containsExactly("id", "qty");

        YamlMigration back = YamlMigration.parse("V3__back.yaml", V3);
        db.expandContract().start(back);
        assertThatThrownBy(() -> dying().rollback(null)).hasMessageContaining("simulated kill");
        assertThat(db.expandContract().rollback(null).alreadyDone()).isNull();
        assertThat(history()).containsExactly("2:start:true", "2:complete:true", "3:rolled back:false",
                "3:rollback:false");
    }

    @Test
    void aPhaseRunAgainAfterItsLastCommitSaysItIsDoneAndRecordsNothing() throws SQLException {
        YamlMigration m = YamlMigration.parse("V2__qty.yaml", YAML);
        Phases ec = db.expandContract();
        ec.start(m);
        PhaseResult again = ec.start(m);
        assertThat(again.alreadyDone()).startsWith("V2 is already started (on ");
        assertThat(again.actions()).isEqualTo(again.resumedAt()).isPositive();

        ec.complete(null);
        assertThat(ec.complete(null).alreadyDone()).startsWith("V2 is already completed (on ")
                .endsWith("; no declarative migration is in flight on schema public");
        assertThat(ec.complete("V2").alreadyDone()).startsWith("V2 is already completed (on ");
        assertThat(ec.planComplete(null).notes()).singleElement().satisfies(n -> assertThat(n)
                .startsWith("V2 is already completed"));
        // start --complete, killed after it printed "Completed V2" and run again, finds both phases done.
        assertThat(ec.start(m).alreadyDone()).startsWith("V2 is already started and completed (on ");

        YamlMigration next = YamlMigration.parse("V3__back.yaml", V3);
        ec.start(next);
        ec.rollback("3");
        assertThat(ec.rollback(null).alreadyDone()).startsWith("V3 is already rolled back (on ");
        assertThat(ec.rollback("3").alreadyDone()).startsWith("V3 is already rolled back (on ");
        // What is not done stays refused: nothing in flight to complete, and V2 cannot be rolled back any more.
        assertThatThrownBy(() -> ec.complete(null)).hasMessageContaining("no declarative migration is in flight")
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.NOT_IN_FLIGHT));
        assertThatThrownBy(() -> ec.rollback("2")).hasMessageContaining("V2 is not in flight")
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.NOT_IN_FLIGHT));
        assertThat(history()).containsExactly("2:start:true", "2:complete:true", "3:rolled back:false",
                "3:rollback:false");
    }
}
