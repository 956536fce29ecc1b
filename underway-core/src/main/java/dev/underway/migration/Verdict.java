package dev.underway.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one statement does to the tables it touches on one engine and version: the lock it
 * takes, whether that blocks reads or writes, whether it rewrites or scans the table, and
 * whether it breaks clients still running against the old schema. Built by the dialect's
 * {@link LockPolicy}; read by the lint rules, the trace comparison and the executor.
 *
 * @param lock           the strongest lock on the statement's table, in the engine's words
 *                       ({@code ACCESS EXCLUSIVE}; MySQL {@code INPLACE, LOCK=NONE}); {@code none} when it takes none
 * @param locks          every table-level lock by relation (PostgreSQL: the table, referenced tables, partitions)
 * @param blocksReads    while the lock is held, other sessions cannot read the table
 * @param blocksWrites   while the lock is held, other sessions cannot write the table
 * @param rewrite        the table (or its storage) is written anew: time and disk proportional to its size
 * @param scan           every row is read (validation, index build), with the lock held
 * @param breaksClients  clients still using the old schema fail (renames, drops)
 * @param algorithm      MySQL/MariaDB ALTER algorithm ({@code INSTANT}, {@code INPLACE}, {@code COPY}), or null
 * @param strongLock     takes a lock stronger than SHARE UPDATE EXCLUSIVE (MySQL: an exclusive metadata lock):
 *                       run it with a short lock timeout and retries
 * @param longRunningNonBlocking long work that lets reads and writes go on (CONCURRENTLY, VALIDATE, online
 *                       index builds): give it a long statement timeout, not a short lock timeout
 * @param online         the clause that makes MySQL/MariaDB refuse instead of copying ({@code ALGORITHM=INSTANT},
 *                       {@code ALGORITHM=INPLACE, LOCK=NONE}), or null when the operation cannot be done online
 * @param known          false when the statement (or part of it) was not understood: nothing here can be trusted
 * @param notes          why: the facts behind the flags, for messages
 */
public record Verdict(String lock, Map<String, String> locks, boolean blocksReads, boolean blocksWrites, boolean rewrite,
                      boolean scan, boolean breaksClients, String algorithm, boolean strongLock,
                      boolean longRunningNonBlocking, String online, boolean known, List<String> notes) {

    public static final String NONE = "none";

    public Verdict {
        locks = Map.copyOf(locks);
        notes = List.copyOf(notes);
    }

    /** The verdict for a statement nobody can judge. */
    public static Verdict unknown(String why) {
        return new Verdict("unknown", Map.of(), true, true, false, false, false, null, true, false, null, false,
                List.of(why));
    }

    /** Statements that lock no table (SET, transaction control, catalog objects without table data). */
    public static Verdict noLock() {
        return new Verdict(NONE, Map.of(), false, false, false, false, false, null, false, false, null, true, List.of());
    }

    /** The MySQL clause that makes the server refuse rather than copy, when the operation can be done online. */
    public Optional<String> onlineAlgorithm() {
        return Optional.ofNullable(online);
    }

    /** True when the lock blocks writes for as long as a scan, build or rewrite takes. */
    public boolean blocksWritesForLong() {
        return blocksWrites && (rewrite || scan);
    }

    /**
     * Every table-level lock by relation, for printing: {@code orders: SHARE ROW EXCLUSIVE, users: ACCESS EXCLUSIVE},
     * or {@code none}.
     */
    public String describeLocks() {
        return locks.isEmpty() ? NONE : String.join(", ", locks.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    /** A one-line summary: {@code ACCESS EXCLUSIVE: blocks reads and writes, rewrites the table}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (blocksReads && blocksWrites) {
            parts.add("blocks reads and writes");
        } else if (blocksWrites) {
            parts.add("blocks writes");
        } else if (!lock.equals(NONE)) {
            parts.add("blocks neither reads nor writes");
        }
        if (rewrite) {
            parts.add("rewrites the table");
        } else if (scan) {
            parts.add("scans the table");
        }
        if (breaksClients) {
            parts.add("breaks running clients");
        }
        return lock + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    /** Collects a verdict piece by piece (a statement with several sub-commands takes the strongest of each). */
    public static final class Builder {
        private String lock = NONE;
        private final Map<String, String> locks = new LinkedHashMap<>();
        private boolean blocksReads;
        private boolean blocksWrites;
        private boolean rewrite;
        private boolean scan;
        private boolean breaksClients;
        private String algorithm;
        private boolean strongLock;
        private boolean longRunning;
        private String online;
        private boolean known = true;
        private final List<String> notes = new ArrayList<>();

        public Builder lock(String mode, boolean reads, boolean writes, boolean strong) {
            this.lock = mode;
            this.blocksReads = reads;
            this.blocksWrites = writes;
            this.strongLock = strong;
            return this;
        }

        public Builder relationLock(String relation, String mode) {
            locks.put(relation, mode);
            return this;
        }

        public Builder rewrite(String why) {
            rewrite = true;
            return note(why);
        }

        public Builder scan(String why) {
            scan = true;
            return note(why);
        }

        public Builder breaksClients(String why) {
            breaksClients = true;
            return note(why);
        }

        public Builder algorithm(String algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        public Builder longRunningNonBlocking() {
            longRunning = true;
            return this;
        }

        public Builder online(String clause) {
            online = clause;
            return this;
        }

        public Builder unknown(String why) {
            known = false;
            return note(why);
        }

        public Builder note(String why) {
            if (why != null && !notes.contains(why)) {
                notes.add(why);
            }
            return this;
        }

        public Verdict build() {
            return new Verdict(lock, locks, blocksReads, blocksWrites, rewrite, scan, breaksClients, algorithm,
                    strongLock, longRunning && !blocksWrites, online, known, notes);
        }
    }
}
