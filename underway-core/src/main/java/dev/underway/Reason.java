package dev.underway;

/**
 * Which failure an {@link UnderwayException} reports, for a caller that must act on it without parsing the
 * message. Each reason belongs to one {@link ErrorCode} (the CLI's exit code); several reasons share a code.
 */
public enum Reason {
    // ---- usage or configuration (exit 2)
    /** An option, flag or request value is malformed, out of range or contradicts another one. */
    BAD_OPTION(ErrorCode.USAGE),
    /** A migration file is malformed: SQL or YAML syntax, unknown directive or key, bad name, not UTF-8. */
    BAD_FILE(ErrorCode.USAGE),
    /** A file or directory does not exist, or cannot be read or written. */
    FILE_ACCESS(ErrorCode.USAGE),
    /** The engine, server version or type does not support what was asked (trace on MySQL, YAML on MariaDB). */
    UNSUPPORTED(ErrorCode.USAGE),
    /** The database could not be reached, or did not answer the first questions after connecting. */
    CONNECTION_FAILED(ErrorCode.USAGE),
    /** The user lacks a privilege the command needs; the message names the grants. */
    PRIVILEGE_MISSING(ErrorCode.USAGE),
    /** Underway's own rules refuse a statement before it runs (an unnamed concurrent index, a mixed file). */
    REFUSED_STATEMENT(ErrorCode.USAGE),
    /** A declarative operation is refused before it changes anything (dependent objects, a rejected expression). */
    REFUSED_OPERATION(ErrorCode.USAGE),
    /** The declarative migration is already in flight from the same file. */
    ALREADY_IN_FLIGHT(ErrorCode.USAGE),
    /** No declarative migration (or not the one named) is in flight. */
    NOT_IN_FLIGHT(ErrorCode.USAGE),
    /** The in-flight migration is in a phase that does not allow this step (complete an unfinished start). */
    WRONG_PHASE(ErrorCode.USAGE),
    /** Something else stands in the way: another in-flight migration on the same table, a schema that exists. */
    CONFLICT(ErrorCode.USAGE),
    /** A table, column or history table that was named does not exist. */
    NO_SUCH_OBJECT(ErrorCode.USAGE),
    /** A table has no primary key or unique NOT NULL key to walk in key order. */
    NO_USABLE_KEY(ErrorCode.USAGE),
    /** There is nothing to work on (no migration to rehearse). */
    NOTHING_TO_DO(ErrorCode.USAGE),
    /** A backfill of that name is already recorded; say whether to resume or restart it. */
    CHECKPOINT_EXISTS(ErrorCode.USAGE),
    /** No backfill of that name or table is recorded. */
    NO_CHECKPOINT(ErrorCode.USAGE),

    // ---- validation (exit 4)
    /** A migration file changed after it was applied or started. */
    CHECKSUM_CHANGED(ErrorCode.VALIDATION),
    /** An applied migration's file is gone from the directory. */
    MISSING_FILE(ErrorCode.VALIDATION),
    /** A pending migration is older than the latest applied one. */
    VERSION_ORDER(ErrorCode.VALIDATION),
    /** The history disagrees with the directory or the request (another kind of migration, rows already there). */
    HISTORY_MISMATCH(ErrorCode.VALIDATION),
    /** The migration is already applied. */
    ALREADY_APPLIED(ErrorCode.VALIDATION),
    /** A backfill is resumed with another change or predicate than it was checkpointed with. */
    CHECKPOINT_MISMATCH(ErrorCode.VALIDATION),

    // ---- locks (exit 3)
    /** Another session holds the migration (or backfill) lock. */
    LOCK_NOT_ACQUIRED(ErrorCode.LOCK_TIMEOUT),
    /** Gave up waiting for a table lock other sessions held; {@link UnderwayException.Details#blockers()} names them. */
    BLOCKED(ErrorCode.LOCK_TIMEOUT),
    /** The thread was interrupted while it waited for a lock. */
    LOCK_WAIT_INTERRUPTED(ErrorCode.LOCK_TIMEOUT),

    // ---- failures (exit 1)
    /** The server refused a statement of a migration, a phase or a backfill batch. */
    STATEMENT_FAILED(ErrorCode.FAILED),
    /** A statement ran longer than its statement timeout. */
    STATEMENT_TIMEOUT(ErrorCode.FAILED),
    /** The connection was lost while working (whether the last statement took effect may be unknown). */
    CONNECTION_LOST(ErrorCode.FAILED),
    /** A database error while reading or writing Underway's state or the catalog. */
    DATABASE_ERROR(ErrorCode.FAILED),
    /** Existing rows break a constraint or check the migration adds; the message shows some of them. */
    DATA_CHECK_FAILED(ErrorCode.FAILED),
    /** The lint gate found errors in pending migrations; nothing was applied. */
    LINT_FAILED(ErrorCode.FAILED),
    /** A local file operation failed while working (copying migrations). */
    IO_FAILED(ErrorCode.FAILED),
    /** The work was cancelled by an interrupt of its thread (not a process signal); what it recorded is kept. */
    CANCELLED(ErrorCode.FAILED),

    // ---- stopped (exit 130)
    /** Stopped on request (SIGINT, SIGTERM); what ran on the server was cancelled and rolled back. */
    INTERRUPTED(ErrorCode.INTERRUPTED);

    private final ErrorCode code;

    Reason(ErrorCode code) {
        this.code = code;
    }

    /** The exit-code class this reason belongs to. */
    public ErrorCode code() {
        return code;
    }
}
