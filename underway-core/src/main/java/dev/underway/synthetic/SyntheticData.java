package dev.underway.synthetic;

import dev.underway.dialect.Dialect;
import dev.underway.dialect.QualifiedName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** TEMPORARY STUB, replaced by the synthetic branch. */
public final class SyntheticData {
    public static List<Filled> fill(Connection c, Dialect dialect, Map<QualifiedName, Long> rows, long parentRows) throws SQLException { throw new UnsupportedOperationException(); }
    public record Filled(QualifiedName table, long rows, long millis, boolean addedAsParent) { }
}
