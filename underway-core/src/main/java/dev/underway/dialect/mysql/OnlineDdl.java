package dev.underway.dialect.mysql;

/**
 * How InnoDB performs one ALTER TABLE operation: the best algorithm, the weakest LOCK level it
 * allows, and whether the table is rebuilt (MySQL and MariaDB manuals, "Online DDL Operations").
 *
 * @param algorithm INSTANT, INPLACE or COPY
 * @param lock      NONE (reads and writes go on), SHARED (reads only) or EXCLUSIVE (nothing)
 */
record OnlineDdl(Algorithm algorithm, Lock lock, boolean rebuild, String note) {

    /** Weakest first, as the server tries them. */
    enum Algorithm { INSTANT, INPLACE, COPY }

    /** Weakest first. */
    enum Lock { NONE, SHARED, EXCLUSIVE }

    static OnlineDdl instant(String note) {
        return new OnlineDdl(Algorithm.INSTANT, Lock.NONE, false, note);
    }

    static OnlineDdl inplace(boolean rebuild, String note) {
        return new OnlineDdl(Algorithm.INPLACE, Lock.NONE, rebuild, note);
    }

    static OnlineDdl inplaceShared(boolean rebuild, String note) {
        return new OnlineDdl(Algorithm.INPLACE, Lock.SHARED, rebuild, note);
    }

    static OnlineDdl copy(String note) {
        return new OnlineDdl(Algorithm.COPY, Lock.SHARED, true, note);
    }

    /** Two operations in one ALTER: the stronger algorithm and lock, and a rebuild if either rebuilds. */
    OnlineDdl combine(OnlineDdl o) {
        Algorithm a = algorithm.compareTo(o.algorithm) >= 0 ? algorithm : o.algorithm;
        Lock l = lock.compareTo(o.lock) >= 0 ? lock : o.lock;
        return new OnlineDdl(a, l, rebuild || o.rebuild, note);
    }

    /** {@code INSTANT}, {@code INPLACE, LOCK=NONE}, {@code COPY, LOCK=SHARED}. */
    String label() {
        return algorithm == Algorithm.INSTANT ? "INSTANT" : algorithm + ", LOCK=" + lock;
    }
}
