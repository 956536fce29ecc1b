package dev.underway.dialect.postgres;

import dev.underway.dialect.BatchSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * TID range scans (PostgreSQL 14+): {@code ctid >= '(p,0)' AND ctid < '(q,0)'} reads pages
 * {@code [p, q)} sequentially, without an index and without visiting other pages.
 */
final class PostgresPageRanges implements BatchSql.PageRanges {
    @Override
    public String condition() {
        return "ctid >= CAST(? AS tid) AND ctid < CAST(? AS tid)";
    }

    @Override
    public void bind(PreparedStatement ps, int index, long page) throws SQLException {
        ps.setString(index, "(" + page + ",0)");
    }

    @Override
    public long pages(Connection c, String renderedTable) throws SQLException {
        return query(c, "SELECT pg_relation_size(CAST(? AS regclass)) / current_setting('block_size')::bigint", renderedTable);
    }

    @Override
    public long storage(Connection c, String renderedTable) throws SQLException {
        return query(c, "SELECT pg_relation_filenode(CAST(? AS regclass))", renderedTable);
    }

    private static long query(Connection c, String sql, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
