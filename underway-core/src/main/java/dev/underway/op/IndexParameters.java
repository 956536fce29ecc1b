package dev.underway.op;

import dev.underway.dialect.postgres.PostgresQuoting;
import java.util.List;
import java.util.stream.Collectors;

import static dev.underway.dialect.postgres.PostgresQuoting.quote;

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

    private String include() {
        return includeColumns.isEmpty() ? "" : " INCLUDE (" + includeColumns.stream().map(PostgresQuoting::quote)
                .collect(Collectors.joining(", ")) + ")";
    }

    private String with() {
        return storageParameters == null ? "" : " WITH (" + storageParameters + ")";
    }

    /** After a constraint's columns: {@code INCLUDE (...) WITH (...) USING INDEX TABLESPACE ts}. */
    String constraintClause() {
        return include() + with() + (tablespace == null ? "" : " USING INDEX TABLESPACE " + quote(tablespace));
    }

    /** After a {@code CREATE INDEX}'s columns: {@code INCLUDE (...) [NULLS NOT DISTINCT] WITH (...) TABLESPACE ts}. */
    String indexClause(boolean nullsNotDistinct) {
        return include() + (nullsNotDistinct ? " NULLS NOT DISTINCT" : "") + with()
                + (tablespace == null ? "" : " TABLESPACE " + quote(tablespace));
    }
}
