package dev.underway.dialect.postgres;

import dev.underway.dialect.ConcurrentIndexes;
import dev.underway.dialect.Dialect;
import dev.underway.migration.ConcurrentIndex;
import dev.underway.migration.SqlStatement;
import dev.underway.migration.Token;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] table}: the index
 * lives in the table's schema; an INVALID one of that name on that table is what a failed
 * build left behind, and {@code DROP INDEX CONCURRENTLY} removes it without blocking writes.
 */
final class PostgresConcurrentIndexes implements ConcurrentIndexes {
    private final Dialect dialect;

    PostgresConcurrentIndexes(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Optional<ConcurrentIndex> builtBy(SqlStatement s) {
        List<Token> t = s.tokens();
        if (!(s.startsWith("CREATE", "INDEX") || s.startsWith("CREATE", "UNIQUE", "INDEX"))
                || !PostgresTransactionRules.concurrentlyBeforeOn(t)) {
            return Optional.empty();
        }
        int i = s.indexOf("CONCURRENTLY", 2) + 1;
        if (s.indexOf("IF", i) == i && s.indexOf("EXISTS", i) == i + 2) {
            i += 3;
        }
        int on = s.indexOf("ON", i);
        if (on < 0) {
            return Optional.empty();
        }
        String name = on == i ? null : t.get(i).identifier();
        int table = t.size() > on + 1 && t.get(on + 1).is("ONLY") ? on + 2 : on + 1;
        List<String> parts = new ArrayList<>();
        for (int p = table; p < s.afterName(table) && p < t.size(); p += 2) {
            parts.add(t.get(p).identifier());
        }
        return Optional.of(new ConcurrentIndex(name, parts));
    }

    @Override
    public Optional<String> dropIfInvalid(Connection c, ConcurrentIndex index) throws SQLException {
        String schema;
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname FROM pg_index i"
                + " JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ci.relnamespace"
                + " WHERE i.indrelid = to_regclass(?) AND ci.relname = ? AND NOT i.indisvalid")) {
            ps.setString(1, String.join(".", index.table().stream().map(dialect::quote).toList()));
            ps.setString(2, index.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                schema = rs.getString(1);
            }
        }
        String qualified = dialect.quote(schema) + "." + dialect.quote(index.name());
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + qualified);
        }
        return Optional.of(qualified);
    }
}
