package dev.underway.migration;

import dev.underway.Durations;

import java.time.Duration;

/**
 * A session that keeps one of Underway's statements waiting for a lock, as the server
 * described it while the statement waited.
 *
 * @param id                 backend pid (PostgreSQL) or connection id (MySQL)
 * @param session            how to name it in messages: {@code pid 4711}, {@code connection 12}
 * @param client             application name, or host where the server knows no application name
 * @param state              e.g. {@code idle in transaction}, {@code active}, {@code Sleep}
 * @param idleInTransaction  true when it has an open transaction and runs no query: the only kind Underway may end
 * @param transactionAge     how long its transaction has been open; null when unknown or none
 * @param sinceQueryStart    how long ago its current or last query started; null when unknown
 * @param query              the start of that query; null when unknown
 * @param transactionStart   identifies its transaction, so a later kill can check it is still the same one
 * @param certain            false when the server cannot tell who holds the lock and this is a likely candidate
 */
public record Blocker(long id, String session, String user, String client, String state, boolean idleInTransaction,
                      Duration transactionAge, Duration sinceQueryStart, String query, String transactionStart,
                      boolean certain) {

    /** {@code pid 4711 (user app, application 'psql', idle in transaction, transaction open for 2m3s, ...)}. */
    public String describe() {
        StringBuilder b = new StringBuilder(session).append(" (user ").append(user);
        if (client != null && !client.isBlank()) {
            b.append(", ").append(client);
        }
        b.append(", ").append(state == null ? "state unknown" : state);
        if (transactionAge != null) {
            b.append(", transaction open for ").append(Durations.approximate(transactionAge));
        }
        if (sinceQueryStart != null) {
            b.append(idleInTransaction ? ", last query started " : ", query started ")
                    .append(Durations.approximate(sinceQueryStart)).append(" ago");
        }
        if (query != null && !query.isBlank()) {
            String flat = query.replaceAll("\\s+", " ").strip();
            b.append(": ").append(flat.length() <= 80 ? flat : flat.substring(0, 77) + "...");
        }
        if (!certain) {
            b.append("; possibly blocking");
        }
        return b.append(')').toString();
    }
}
