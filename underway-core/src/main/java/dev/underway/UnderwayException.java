package dev.underway;

/**
 * The one exception type the library throws to callers. The message is meant for a human
 * (it names the file, line, table or lock involved and says what to do); the code maps to
 * the CLI's exit code.
 */
public class UnderwayException extends RuntimeException {
    private final ErrorCode code;

    public UnderwayException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public UnderwayException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static UnderwayException usage(String message) {
        return new UnderwayException(ErrorCode.USAGE, message);
    }

    public static UnderwayException validation(String message) {
        return new UnderwayException(ErrorCode.VALIDATION, message);
    }

    public static UnderwayException failed(String message, Throwable cause) {
        return new UnderwayException(ErrorCode.FAILED, message, cause);
    }

    public static UnderwayException lockTimeout(String message) {
        return new UnderwayException(ErrorCode.LOCK_TIMEOUT, message);
    }
}
