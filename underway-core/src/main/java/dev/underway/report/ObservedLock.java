package dev.underway.report;


/**
 * A lock the traced statement's backend held or waited for, from {@code pg_locks}.
 *
 * @param relation     the relation's name
 * @param kind         {@code pg_class.relkind}: r table, p partitioned table, i index, m materialized view, ...
 * @param existedBefore the relation existed before the statement (locks on relations it creates do not matter)
 * @param granted      false when the backend was waiting for it
 */
public record ObservedLock(String relation, char kind, PgLock mode, boolean existedBefore, boolean granted) {

    public boolean isTableLike() {
        return kind == 'r' || kind == 'p' || kind == 'm' || kind == 'v';
    }
}
