package dev.underway.dialect.postgres;

import dev.underway.sql.shape.SqlType;

import java.util.Set;

/**
 * Which column type changes PostgreSQL does without rewriting the table: the binary-coercible
 * ones (manual, ALTER TABLE: "... the table will not be rewritten if the new type is binary
 * coercible ..."), checked against the old type the schema model knows.
 */
final class PostgresTypeChange {
    /** Types whose modifier is a fractional-second precision (plain {@code interval}: without fields). */
    private static final Set<String> FRACTIONAL_SECONDS = Set.of("timestamp", "timestamptz", "time", "timetz", "interval");
    private static final int MAX_PRECISION = 6;

    private PostgresTypeChange() {
    }

    /** Null when the change needs no rewrite; otherwise why it rewrites. */
    static String whyRewrite(SqlType from, SqlType to, String timeZone) {
        if (from == null) {
            return "the current type of the column is not known (it was not created by an earlier migration here), "
                    + "so the change is assumed to rewrite the table";
        }
        if (from.array() != to.array()) {
            return from + " → " + to + " changes between array and scalar";
        }
        String a = from.name();
        String b = to.name();
        if (a.equals(b) && from.args().equals(to.args())) {
            return null;
        }
        if (from.array()) {
            // Elements are converted one by one (varchar(10)[] → varchar(20)[] rewrites); only dropping the modifier is free.
            return a.equals(b) && to.args().isEmpty() ? null
                    : from + " → " + to + " converts every element of the array: the table is rewritten";
        }
        if (a.equals(b) && FRACTIONAL_SECONDS.contains(a)) {
            return precision(to) >= precision(from) && precision(from) >= 0 ? null
                    : from + " → " + to + " lowers the fractional-second precision: every value is rounded and rewritten";
        }
        if (a.startsWith("interval") && b.equals("interval") && to.args().isEmpty()) {
            return null;
        }
        if ((a.equals("varchar") || a.equals("text")) && b.equals("text")) {
            return null;
        }
        if (a.equals("varchar") && b.equals("varchar")) {
            int n = from.length();
            int m = to.length();
            return m < 0 || (n >= 0 && m >= n) ? null : from + " → " + to + " shortens the limit: every row is checked and rewritten";
        }
        if (a.equals("text") && b.equals("varchar") && to.length() < 0) {
            return null;
        }
        if (a.equals("numeric") && b.equals("numeric")) {
            return numericWidens(from, to) ? null : from + " → " + to + " changes the scale or lowers the precision";
        }
        if ((a.equals("bit varying") && b.equals("bit varying")) && (to.length() < 0 || to.length() >= from.length())) {
            return null;
        }
        if (a.equals("timestamp") && b.equals("timestamptz") || a.equals("timestamptz") && b.equals("timestamp")) {
            return "UTC".equalsIgnoreCase(timeZone) ? null : from + " → " + to + " rewrites unless the session TimeZone is UTC"
                    + " (PostgreSQL 12+); add SET TimeZone = 'UTC' before it if that is what the data means";
        }
        if (a.equals("cidr") && b.equals("inet") || a.equals("xml") && b.equals("text")) {
            return null;
        }
        return from + " → " + to + " is not binary coercible: every row is converted and the table and its indexes are rewritten";
    }

    /**
     * The precision in parentheses, 6 (the most PostgreSQL keeps) without one; -1 when not a number. A change that keeps
     * or raises it only relabels the column (the types' length-coercion support functions say so).
     */
    private static int precision(SqlType t) {
        return t.args().isEmpty() ? MAX_PRECISION : t.numberArg(0) < 0 ? -1 : Math.min(MAX_PRECISION, t.numberArg(0));
    }

    /** Binary-coercible pairs whose btree operator classes differ, so indexes on the column are rebuilt. */
    static boolean changesOperatorClass(SqlType from, SqlType to) {
        return from.is("timestamp") && to.is("timestamptz") || from.is("timestamptz") && to.is("timestamp")
                || from.is("cidr") && to.is("inet") || from.is("xml") && to.is("text");
    }

    private static boolean numericWidens(SqlType from, SqlType to) {
        if (to.args().isEmpty()) {
            return true;
        }
        if (from.args().isEmpty()) {
            return false;
        }
        int fromScale = Math.max(0, from.numberArg(1));
        int toScale = Math.max(0, to.numberArg(1));
        return fromScale == toScale && to.numberArg(0) >= from.numberArg(0);
    }
}
