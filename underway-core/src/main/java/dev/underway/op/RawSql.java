package dev.underway.op;

import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.SqlStatement;
import dev.underway.migration.Stage;
import dev.underway.sql.StatementSplitter;
import dev.underway.sql.shape.StatementClassifier;
import dev.underway.sql.shape.StatementKind;
import dev.underway.sql.shape.StatementShape;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sql}: statements Underway runs as written, at start (or at complete with
 * {@code on_complete: true}); {@code down} runs at rollback. Underway cannot see what they
 * change, so they take part in no conflict check and no version view until a complete refreshes
 * them; only a table they create in the schema is shown by the new version at once.
 */
final class RawSql implements Operation<List<SqlStatement>> {
    private final int line;
    private final String up;
    private final String down;
    private final boolean onComplete;

    private RawSql(int line, String up, String down, boolean onComplete) {
        this.line = line;
        this.up = up;
        this.down = down;
        this.onComplete = onComplete;
    }

    static RawSql read(Fields f) {
        String up = f.string("up");
        String down = f.optString("down");
        Boolean a = f.optBool("on_complete");
        Boolean b = f.optBool("onComplete");
        f.done();
        boolean onComplete = Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
        if (onComplete && down != null) {
            throw f.error("down", "sql: 'down' undoes a start, so it cannot go with on_complete: true");
        }
        return new RawSql(f.line(), up, down, onComplete);
    }

    @Override
    public String kind() {
        return "sql";
    }

    /** What it runs forward ({@code up}), for the lint gate. */
    String up() {
        return up;
    }

    @Override
    public int line() {
        return line;
    }

    /** Returns the statements of {@code up}. */
    @Override
    public List<SqlStatement> validate(Expansion x) {
        List<SqlStatement> statements = statements(x, up);
        if (statements.isEmpty()) {
            throw x.error(line, "sql: 'up' holds no statement");
        }
        if (!onComplete) {
            // So that the version this migration starts shows them, as pgroll's version schemas do.
            StatementClassifier classifier = new StatementClassifier(false);
            for (SqlStatement s : statements) {
                StatementShape shape = classifier.classify(s);
                if ((shape.is(StatementKind.CREATE_TABLE)
                        || shape.is(StatementKind.CREATE_TABLE_AS)) && shape.table() != null
                        && (shape.table().schema() == null || shape.table().schema().equals(x.schema()))
                        && x.before.table(shape.table().name()).isEmpty()) {
                    x.sqlTables.add(shape.table().name());
                }
            }
        }
        return statements;
    }

    /** Each statement alone when it cannot run in a transaction, the others together. */
    private static List<Action> actions(List<SqlStatement> statements, Phase phase, Stage stage, String what) {
        List<Action> out = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        for (SqlStatement s : statements) {
            if (s.contains("CONCURRENTLY") || s.startsWith("VACUUM")) {
                if (!batch.isEmpty()) {
                    out.add(new Action(phase, stage, what, batch, List.of(), false, null, null));
                    batch = new ArrayList<>();
                }
                out.add(Action.concurrently(phase, stage, what, s.sql()));
            } else {
                batch.add(s.sql());
            }
        }
        if (!batch.isEmpty()) {
            out.add(new Action(phase, stage, what, batch, List.of(), false, null, null));
        }
        return out;
    }

    private static List<SqlStatement> statements(Expansion x, String text) {
        return new StatementSplitter(x.syntax()).split(text, x.file).statements();
    }

    @Override
    public List<Action> start(Expansion x, List<SqlStatement> statements) {
        return onComplete ? List.of() : actions(statements, Phase.START, Stage.COLUMNS, "sql (line " + line + ")");
    }

    @Override
    public List<Action> complete(Expansion x, List<SqlStatement> statements) {
        return onComplete ? actions(statements, Phase.COMPLETE, Stage.CONTRACT, "sql on complete (line " + line + ")")
                : List.of();
    }

    @Override
    public List<Action> rollback(Expansion x, List<SqlStatement> statements) {
        return down == null ? List.of() : actions(statements(x, down), Phase.ROLLBACK, Stage.UNDO, "sql down (line " + line + ")");
    }
}
