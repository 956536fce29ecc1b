package dev.underway.dialect.postgres;

import dev.underway.migration.Verdict;
import dev.underway.report.PgLock;
import dev.underway.sql.shape.TableName;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects PostgreSQL locks per relation while a statement is judged; the strongest lock on the target wins. */
final class PgVerdict {
    private final TableName table;
    private final Map<String, PgLock> locks = new LinkedHashMap<>();
    private final Verdict.Builder builder = new Verdict.Builder();
    private PgLock primary;
    private boolean takesNoWrites;

    PgVerdict(TableName table) {
        this.table = table;
    }

    /** The statement's own table takes at least {@code mode}. */
    PgVerdict target(PgLock mode) {
        if (table != null) {
            relation(table.name(), mode);
        }
        return primary(mode);
    }

    /** The lock that decides blocksReads/blocksWrites when the table is not named (DROP INDEX, REINDEX INDEX). */
    PgVerdict primary(PgLock mode) {
        primary = PgLock.max(primary, mode);
        return this;
    }

    PgVerdict other(TableName relation, PgLock mode) {
        return relation(relation.name(), mode);
    }

    PgVerdict relation(String relation, PgLock mode) {
        locks.merge(relation, mode, PgLock::max);
        return this;
    }

    PgVerdict none() {
        return this;
    }

    PgVerdict rewriteNote(String why) {
        builder.rewrite(why);
        return this;
    }

    PgVerdict scanNote(String why) {
        builder.scan(why);
        return this;
    }

    PgVerdict breaks(String why) {
        builder.breaksClients(why);
        return this;
    }

    PgVerdict note(String why) {
        builder.note(why);
        return this;
    }

    PgVerdict unknown(String why) {
        builder.unknown(why);
        return this;
    }

    PgVerdict longRunning() {
        builder.longRunningNonBlocking();
        return this;
    }

    PgLock primary() {
        return primary;
    }

    /** The relation cannot be written (a materialized view): a lock that blocks writes blocks nothing there. */
    PgVerdict takesNoWrites() {
        takesNoWrites = true;
        return this;
    }

    Verdict build() {
        locks.forEach((relation, mode) -> builder.relationLock(relation, mode.label()));
        PgLock strongest = primary;
        for (PgLock l : locks.values()) {
            strongest = PgLock.max(strongest, l);
        }
        if (primary != null) {
            builder.lock(primary.label(), primary.blocksReads(), primary.blocksWrites() && !takesNoWrites, strongest.isStrong());
        } else if (strongest != null) {
            // Only other tables are locked (CREATE TABLE ... REFERENCES): report their strongest lock.
            builder.lock(Verdict.NONE, false, false, strongest.isStrong());
        }
        return builder.build();
    }
}
