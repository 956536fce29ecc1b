package dev.underway.report;


import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one statement really did on a scratch PostgreSQL.
 *
 * @param locks     relation locks held (or waited for) by its backend, strongest per relation
 * @param rewritten relations that existed before and got a new {@code relfilenode} (their data was written anew)
 * @param scanned   tables read by a sequential scan within the statement ({@code pg_stat_xact_user_tables}),
 *                  or null when not observable (statements that cannot run in a transaction)
 * @param existing  names of the relations that existed before the statement (a lock the verdict expects on one
 *                  of them must be observed; relations the statement creates are not compared)
 * @param millis    how long it ran (without the time the tracer made it wait)
 * @param error     the server's error when it failed, or null
 */
public record Observation(List<ObservedLock> locks, List<String> rewritten, List<String> scanned,
                          Set<String> existing, long millis, String error) {

    public Observation {
        locks = List.copyOf(locks);
        rewritten = List.copyOf(rewritten);
        scanned = scanned == null ? null : List.copyOf(scanned);
        existing = Set.copyOf(existing);
    }

    /** The strongest lock seen on a relation. */
    public Optional<PgLock> lockOn(String relation) {
        return locks.stream().filter(l -> l.relation().equals(relation)).map(ObservedLock::mode).reduce(PgLock::max);
    }

    public boolean existedBefore(String relation) {
        return existing.contains(relation);
    }
}
