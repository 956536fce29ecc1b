package dev.underway.synthetic;

import dev.underway.dialect.Dialect;
import dev.underway.dialect.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;

/** TEMPORARY STUB, replaced by the synthetic branch. */
public final class RowGenerator {
    public static RowGenerator forTable(Connection c, Dialect dialect, QualifiedName table) throws SQLException { throw new UnsupportedOperationException(); }
    public QualifiedName table() { return null; }
    public List<String> columns() { return List.of(); }
    public String[] values(long rowNumber, SplittableRandom rnd) { return null; }
    public String insertSql() { return null; }
    public void bind(PreparedStatement ps, int first, String[] values) throws SQLException { }
    public void bindOne(PreparedStatement ps, int index, String column, String value) throws SQLException { }
    public List<String> updatableColumns() { return List.of(); }
    public String valueFor(String column, long rowNumber, SplittableRandom rnd) { return null; }
}
