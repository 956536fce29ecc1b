package dev.underway.exec;

import dev.underway.dialect.Redaction;
import dev.underway.migration.Blocker;
import dev.underway.migration.ErrorKind;
import dev.underway.migration.SqlStatement;

import java.sql.SQLException;
import java.util.List;

/**
 * A failure inside one attempt, with what the retry decision needs: what kind of error, in
 * which phase (a lost connection is safe to retry in some and not in others), how long the
 * statement waited, and who blocked it.
 */
final class StatementError extends Exception {
    /** Where in an attempt the error happened. */
    enum Phase {
        /** Before the statement was sent (timeouts, cleanup, liveness): nothing of it ran. */
        SETUP,
        /** While the statement ran, or while recording it inside its transaction. */
        STATEMENT,
        /** At commit: whether the transaction committed is unknown when the connection is lost here. */
        COMMIT
    }

    private final transient SqlStatement statement;
    private final ErrorKind kind;
    private final Phase phase;
    private final long millis;
    private final transient List<Blocker> blockers;
    private final String aftermath;

    StatementError(SqlStatement statement, SQLException cause, ErrorKind kind, Phase phase, long millis,
                   List<Blocker> blockers, String aftermath) {
        super(Redaction.text(cause.getMessage(), List.of()), cause);
        this.statement = statement;
        this.kind = kind;
        this.phase = phase;
        this.millis = millis;
        this.blockers = List.copyOf(blockers);
        this.aftermath = aftermath;
    }

    /** Not sent at all: a stop was requested before it (see {@link dev.underway.Interruption}). */
    private StatementError(SqlStatement statement) {
        super("not sent: a stop was requested");
        this.statement = statement;
        this.kind = ErrorKind.CANCELED;
        this.phase = Phase.SETUP;
        this.millis = 0;
        this.blockers = List.of();
        this.aftermath = "";
    }

    static StatementError notSent(SqlStatement statement) {
        return new StatementError(statement);
    }

    SqlStatement statement() {
        return statement;
    }

    /** The server's error; null when the statement was never sent. */
    SQLException sqlException() {
        return (SQLException) getCause();
    }

    ErrorKind kind() {
        return kind;
    }

    Phase phase() {
        return phase;
    }

    /** How long the statement ran before it failed (for a lock timeout: how long it waited). */
    long millis() {
        return millis;
    }

    List<Blocker> blockers() {
        return blockers;
    }

    /** What Underway did about the failure's side effects (e.g. dropped an invalid index); empty when nothing. */
    String aftermath() {
        return aftermath;
    }
}
