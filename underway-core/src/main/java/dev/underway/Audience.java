package dev.underway;

/**
 * Who reads a message, and so how a remedy names a setting: a library caller sets {@code lockWait(Duration)}
 * on the builder, a CLI user passes {@code --lock-wait}. See {@link Setting}.
 */
public enum Audience {
    LIBRARY,
    CLI
}
