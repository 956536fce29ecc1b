package dev.underway.observe;

import dev.underway.report.LatencyStats;

/**
 * Receives what a simulated application load does, as it happens. The CLI prints a line per second from it. Every
 * method has a no-op default and is called on the thread that runs the load.
 */
public interface LoadListener {
    LoadListener NONE = new LoadListener() { };

    /**
     * The target is reached and the request checked; the clients connect next.
     *
     * @param database the server, described as {@code Underway.Info#database()} does
     * @param schema   the schema (PostgreSQL) or database (MySQL) whose tables get the load
     */
    default void started(String database, String schema) { }

    /** One more second of the run is over: the queries that ended in it (the last may be shorter). */
    default void second(int second, LatencyStats stats) { }
}
