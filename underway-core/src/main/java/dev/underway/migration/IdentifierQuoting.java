package dev.underway.migration;

/** How an engine quotes an identifier taken from a file or a flag ({@code "a""b"} on PostgreSQL, {@code `a``b`} on MySQL). */
public interface IdentifierQuoting {
    /** {@code identifier} quoted so that the engine reads it as exactly that name. */
    String quote(String identifier);
}
