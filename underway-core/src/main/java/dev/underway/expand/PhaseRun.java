package dev.underway.expand;

import dev.underway.ErrorCode;
import dev.underway.Interruption;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.backfill.Backfill;
import dev.underway.config.UnderwayConfig;
import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.exec.ActionExecutor;
import dev.underway.migration.Action;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.BackfillResult;
import dev.underway.migration.ExecutableStatement;
import dev.underway.migration.FlightPhase;
import dev.underway.migration.MigrationCategory;
import dev.underway.migration.MigrationName;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.Phase;
import dev.underway.migration.ResumeMode;
import dev.underway.migration.RowChange;
import dev.underway.migration.SqlScript;
import dev.underway.migration.SqlStatement;
import dev.underway.migration.Stage;
import dev.underway.migration.Violation;
import dev.underway.observe.BackfillListener;
import dev.underway.observe.PhaseListener;
import dev.underway.op.YamlMigration;
import dev.underway.sql.StatementSplitter;
import dev.underway.state.OperationsTable;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes one phase's actions from a resume point, each with its progress record: a
 * transactional action commits together with it, a concurrent statement or a backfill records
 * it right after (both are safe to repeat). A failed validation is reported with the
 * constraint's name and a sample of the rows that break it. A failed check (see
 * {@link Action#check}) removes what it and the checks before it added and sets the progress back
 * (see {@link #rewindingTo}), so the phase leaves the migration as it found it.
 */
final class PhaseRun {
    private final UnderwayConfig config;
    private final String schema;
    private final ActionExecutor exec;
    private final OperationsTable operations;
    private final PhaseListener listener;
    private final BackfillListener backfillListener;
    final List<BackfillResult> backfills = new ArrayList<>();
    private ActionExecutor.Progress rewind;
    private String rewound;

    PhaseRun(UnderwayConfig config, String schema, ActionExecutor exec, OperationsTable operations,
             PhaseListener listener, BackfillListener backfillListener) {
        this.config = config;
        this.schema = schema;
        this.exec = exec;
        this.operations = operations;
        this.listener = listener;
        this.backfillListener = backfillListener;
    }

    /**
     * What a failed check sets the progress back to (with nothing before it having changed anything).
     *
     * @param state the migration's state afterwards, for the message: {@code the migration is back to started}
     */
    PhaseRun rewindingTo(ActionExecutor.Progress progress, String state) {
        this.rewind = progress;
        this.rewound = state;
        return this;
    }

    static String backfillName(String schema, String table, String version) {
        return schema + "." + table + "@V" + version;
    }

    /** @param phaseState the phase name recorded with each action's progress */
    void run(YamlMigration m, FlightPhase phaseState, List<Action> actions, int from) {
        MigrationScript script = script(m, phaseState.text(), actions);
        PendingMigration pending = new PendingMigration(script, null, 0);
        for (int i = from; i < actions.size(); i++) {
            Action a = actions.get(i);
            // As planned (and printed by a dry run): the lock each statement takes and its timeouts.
            List<ExecutableStatement> mine = a.statements();
            if (mine.size() != a.sql().size()) {
                throw new IllegalStateException("action " + (i + 1) + " of " + m.script() + " was not planned");
            }
            int done = i + 1;
            listener.actionStarting(m.label(), phaseState.text(), done, actions.size(), a.description());
            long started = System.nanoTime();
            ActionExecutor.Progress progress = c -> operations.progress(c, m.version().toString(), phaseState, done);
            try {
                Interruption.process().check("Underway", "The action had not begun.");
                if (a.backfill() != null) {
                    backfill(m, a.backfill());
                    exec.record(progress);
                } else if (a.concurrent()) {
                    exec.alone(pending, mine.get(0), progress);
                } else if (a.stepwise()) {
                    for (int s = 0; s < mine.size() - 1; s++) {
                        exec.inTransaction(pending, mine.subList(s, s + 1), c -> { });
                    }
                    exec.inTransaction(pending, mine.subList(mine.size() - 1, mine.size()), progress);
                } else {
                    exec.inTransaction(pending, mine, progress);
                }
            } catch (UnderwayException e) {
                String undone = a.isCheck() ? undoChecks(m, phaseState, actions.subList(0, i + 1)) : null;
                UnderwayException reported;
                if (e.code() == ErrorCode.INTERRUPTED) {
                    reported = interrupted(m, phaseState, done, actions, e);
                    if (undone != null) {
                        reported = reported.withMore(" " + undone);
                    }
                } else {
                    reported = a.violation() == null ? e : violated(a.violation(), e, phaseState, undone);
                    if (reported == e) {
                        reported = e.withMore(" " + (undone != null ? undone : stopped(phaseState, a, i, actions.size())));
                    }
                }
                note(m, phaseState + " stopped at action " + done + " (" + a.description() + "): "
                        + reported.getMessage());
                throw reported;
            }
            listener.actionFinished(m.label(), phaseState.text(), done, actions.size(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** What a failed action leaves: the actions before it are done, it is not, and the same command resumes there. */
    private static String stopped(FlightPhase phase, Action a, int index, int total) {
        String kind = a.backfill() != null ? "the backfill keeps its checkpoint"
                : a.concurrent() ? "it runs outside a transaction, and what it left is dropped when it runs again"
                : "its transaction was rolled back";
        return "The " + phase + " did " + index + " of " + total + " actions and stopped at action " + (index + 1) + " ("
                + a.description() + "; " + kind + "). Run " + phase + " again to resume there.";
    }

    /** Runs one action that records no progress (start's checks before anything is recorded). */
    void check(YamlMigration m, Action a) {
        MigrationScript script = script(m, "check", List.of(a));
        exec.inTransaction(new PendingMigration(script, null, 0), exec.plan(script), c -> { });
    }

    /**
     * After a failed check: removes what the checks up to it added (those of an earlier, interrupted run too; each
     * undo is safe to repeat), then sets the progress back. Returns what was done, for the message.
     */
    private String undoChecks(YamlMigration m, FlightPhase phase, List<Action> upTo) {
        List<String> undo = new ArrayList<>();
        for (int j = upTo.size() - 1; j >= 0; j--) {
            if (upTo.get(j).isCheck()) {
                undo.addAll(upTo.get(j).onFailure());
            }
        }
        MigrationScript script = script(m, phase + " undo", List.of(Action.of(Phase.ROLLBACK, Stage.PREPARE_UNDO, "undo",
                undo.toArray(String[]::new))));
        PendingMigration pending = new PendingMigration(script, null, 0);
        try {
            for (ExecutableStatement s : exec.plan(script)) {
                exec.alone(pending, s, c -> { });
            }
            if (rewind != null) {
                exec.record(rewind);
            }
        } catch (UnderwayException e) {
            return "Removing what its checks had added failed (" + e.template() + "), so it may still be in place:"
                    + " run " + phase + " again (it redoes its checks) or run " + String.join("; ", undo) + ".";
        }
        return "It removed what its checks had added (" + String.join("; ", undo) + ")" + (rewind == null ? "" : " and "
                + rewound) + ", so nothing of this " + phase + " is left and both versions keep working.";
    }

    /** All statements of the phase as one script, each on the "line" of its action's number (as dry runs print it). */
    private MigrationScript script(YamlMigration m, String phase, List<Action> actions) {
        StatementSplitter splitter = new StatementSplitter(PostgresDialect.SYNTAX);
        List<SqlStatement> statements = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            for (String sql : actions.get(i).sql()) {
                SqlStatement s = splitter.split(sql, m.script()).statements().get(0);
                statements.add(new SqlStatement(statements.size(), s.sql(), i + 1, s.tokens(), s.directives()));
            }
        }
        MigrationName name = new MigrationName(m.version(), m.description(), MigrationCategory.VERSIONED);
        return new MigrationScript(name, m.script() + " (" + phase + ") action", Path.of(m.script()), m.checksum(),
                new SqlScript(statements, List.of()));
    }

    private void backfill(YamlMigration m, String table) {
        BackfillRequest request = BackfillRequest.builder(table).schema(schema).change(RowChange.touch())
                .name(backfillName(schema, table, m.version().toString())).resume(ResumeMode.RESUME).build();
        backfills.add(new Backfill(config).run(request, backfillListener));
    }

    /** Stopped on request at action {@code done}: what ran of it was rolled back; the ones before are recorded. */
    private static UnderwayException interrupted(YamlMigration m, FlightPhase phase, int done, List<Action> actions,
                                                 UnderwayException cause) {
        String again = "underway " + phase + " " + (phase == FlightPhase.START ? m.script() : m.version().toString());
        return new UnderwayException(Reason.INTERRUPTED, "The " + phase + " of " + m.label() + " was interrupted at"
                + " action " + done + " of " + actions.size() + " (" + actions.get(done - 1).description() + "): "
                + cause.template() + " " + (done == 1 ? "No action of it had finished"
                : done == 2 ? "Action 1 is done and recorded" : "Actions 1-" + (done - 1) + " are done and recorded")
                + "; run `" + again + "` again to resume at action " + done
                + (phase == FlightPhase.START ? ", or `underway rollback " + m.version() + "` to undo it." : "."),
                cause);
    }

    /** Names the constraint and up to five offending keys; the migration stays in flight. */
    private UnderwayException violated(Violation v, UnderwayException cause, FlightPhase phase, String undone) {
        List<String> sample = new ArrayList<>();
        try (Statement s = exec.connection().createStatement(); ResultSet rs = s.executeQuery(v.sampleSql())) {
            while (rs.next()) {
                sample.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return cause;
        }
        if (sample.isEmpty()) {
            return cause;
        }
        return new UnderwayException(Reason.DATA_CHECK_FAILED, v.what() + " does not hold for existing rows, e.g. " + String.join("; ", sample.stream().map(k -> "(" + k + ")")
                .toList()) + ". " + switch (phase) {
                    case ROLLBACK -> "The rollback stopped at this check: the new version wrote those rows. "
                            + (undone == null ? "" : undone + " ") + "Fix the rows (through either version) and run"
                            + " rollback again, or complete the migration instead";
                    case START -> "Start stopped at this action and both versions keep working. Fix those rows"
                            + " and run start again, or roll back";
                    default -> "Nothing was changed by complete: the migration stays in flight and both versions"
                            + " keep working. Fix those rows (through either version) and run complete again, or roll back";
                } + ". ("
                + cause.template() + ")", cause);
    }

    private void note(YamlMigration m, String message) {
        try {
            exec.record(c -> operations.message(c, m.version().toString(), message));
        } catch (UnderwayException ignored) {
            // The failure itself is what the caller reports.
        }
    }
}
