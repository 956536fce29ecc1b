package dev.underway.op;

import dev.underway.dialect.postgres.PostgresDefinitions;

import java.util.List;

/**
 * pgroll's {@code index_parameters} of a unique, primary key or exclusion constraint: columns the
 * index carries without constraining them ({@code include_columns}), {@code storage_parameters}
 * ({@code fillfactor=70}) and a {@code tablespace}.
 */
record IndexParameters(List<String> includeColumns, String storageParameters, String tablespace) {
    static final IndexParameters NONE = new IndexParameters(List.of(), null, null);

    static IndexParameters read(Fields f) {
        if (f == null) {
            return NONE;
        }
        List<String> include = f.has("include_columns") ? f.stringList("include_columns") : List.of();
        String storage = f.optString("storage_parameters");
        String tablespace = f.optString("tablespace");
        f.done();
        return new IndexParameters(include, blank(storage) ? null : storage, blank(tablespace) ? null : tablespace);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    boolean isNone() {
        return includeColumns.isEmpty() && storageParameters == null && tablespace == null;
    }

    /** The parameters after a constraint's columns. */
    String constraintClause() {
        return PostgresDefinitions.constraintIndex(includeColumns, storageParameters, tablespace);
    }

    /** The parameters after a {@code CREATE INDEX}'s columns. */
    String indexClause(boolean nullsNotDistinct) {
        return PostgresDefinitions.indexParameters(includeColumns, nullsNotDistinct, storageParameters, tablespace);
    }
}
