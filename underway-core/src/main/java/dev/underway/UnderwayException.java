package dev.underway;

import java.util.List;
import java.util.Objects;

/**
 * The one exception type the library throws to callers. {@link #reason()} says which failure it is (act on it,
 * not on the wording); {@link #code()} maps it to the CLI's exit code; {@link #details()} carries the file, line,
 * table and blocking sessions where they are known. The message is meant for a human: it names what is involved
 * and says what to do, naming settings the way the caller knows them ({@link #message(Audience)}).
 */
public class UnderwayException extends RuntimeException {
    private final Reason reason;
    /** The message with {@link Setting#ref()} placeholders; {@link #getMessage()} renders it for the library. */
    private final String template;
    private Details details = Details.NONE;

    public UnderwayException(Reason reason, String message) {
        this(reason, message, null);
    }

    public UnderwayException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.template = message;
    }

    /** The same failure (reason, details) with {@code more} after its message; {@code wrapped} becomes the cause. */
    protected UnderwayException(UnderwayException wrapped, String more) {
        this(wrapped.reason, wrapped.template + more, wrapped);
        this.details = wrapped.details;
    }

    public static UnderwayException of(Reason reason, String message) {
        return new UnderwayException(reason, message);
    }

    public static UnderwayException of(Reason reason, String message, Throwable cause) {
        return new UnderwayException(reason, message, cause);
    }

    /**
     * The same failure (reason and details) with more text after the message: what ran before it, how to continue.
     * This exception becomes its cause.
     */
    public UnderwayException withMore(String more) {
        return new UnderwayException(this, more);
    }

    /** Records where in which file the failure is; returns this, for {@code throw UnderwayException.of(...).at(...)}. */
    public UnderwayException at(String file, Integer line) {
        details = new Details(file, line, details.table(), details.blockers());
        return this;
    }

    /** Records the table involved; returns this. */
    public UnderwayException table(String table) {
        details = new Details(details.file(), details.line(), table, details.blockers());
        return this;
    }

    /** Records the sessions that held the lock (described); returns this. */
    public UnderwayException blockers(List<String> blockers) {
        details = new Details(details.file(), details.line(), details.table(), List.copyOf(blockers));
        return this;
    }

    public Reason reason() {
        return reason;
    }

    public ErrorCode code() {
        return reason.code();
    }

    public Details details() {
        return details;
    }

    /**
     * The message with its {@link Setting} placeholders, for a message built around this one (render the result
     * with {@link Setting#render(String, Audience)} or throw it in an {@code UnderwayException}).
     */
    public String template() {
        return template;
    }

    /** The message for a library caller: settings named as builder methods. */
    @Override
    public String getMessage() {
        return message(Audience.LIBRARY);
    }

    /** The message for the given reader: settings named as builder methods or as CLI flags. */
    public String message(Audience audience) {
        return Setting.render(template, audience);
    }

    /**
     * What is known about where the failure is; any field may be null (blockers: empty).
     *
     * @param file     the migration file, relative to the migration directory, or the file named on the command line
     * @param line     the 1-based line in {@code file}
     * @param table    the table involved, as the message names it
     * @param blockers the sessions that held the lock, described ({@code pid 4711 (user app, idle in transaction, ...)})
     */
    public record Details(String file, Integer line, String table, List<String> blockers) {
        public static final Details NONE = new Details(null, null, null, List.of());

        public Details {
            blockers = blockers == null ? List.of() : List.copyOf(blockers);
        }
    }
}
