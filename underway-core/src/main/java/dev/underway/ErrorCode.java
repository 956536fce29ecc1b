package dev.underway;

/** What went wrong, as the CLI's exit code sees it (see DESIGN.md, "Exit codes"). */
public enum ErrorCode {
    /** A migration, check or lint failed. */
    FAILED(1),
    /** Usage or configuration error: bad flags, unreadable or malformed migration files. */
    USAGE(2),
    /** Could not get a lock, or timed out waiting. */
    LOCK_TIMEOUT(3),
    /** Validation error: checksum, ordering, history mismatch. */
    VALIDATION(4),
    /**
     * Stopped on request (SIGINT, SIGTERM; see {@link Interruption}): what ran on the server was cancelled and
     * rolled back, and where it stopped is recorded. The CLI exits 130 after SIGINT and 143 after SIGTERM.
     */
    INTERRUPTED(130);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
