package dev.underway.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What tests read and write on a connection they hold (a session that keeps a lock, a transaction): statements,
 * one number, one value, one column, all rows. {@link TestDatabase} has the same on a connection of its own per
 * call. Arguments are bound to the query's {@code ?}; a query without arguments runs as a plain statement, so a
 * {@code ?} operator in it stays an operator.
 */
public final class Sql {
    private Sql() {
    }

    /** Runs the statements in order. */
    public static void exec(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Runs one statement with bound arguments and returns its update count. */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        }
    }

    /** The first column of the first row as a number ({@code SELECT count(*) ...}); no row is an error. */
    public static long count(Connection c, String sql, Object... args) throws SQLException {
        return query(c, sql, args, rs -> {
            if (!rs.next()) {
                throw new SQLException("no row from " + sql);
            }
            return rs.getLong(1);
        });
    }

    /** The first column of the first row as text, {@code null} when there is no row. */
    public static String value(Connection c, String sql, Object... args) throws SQLException {
        return query(c, sql, args, rs -> rs.next() ? rs.getString(1) : null);
    }

    /** The first column of every row as text, in query order. */
    public static List<String> column(Connection c, String sql, Object... args) throws SQLException {
        return query(c, sql, args, rs -> {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        });
    }

    /** Every row as text, its columns joined with {@code separator}, in query order. */
    public static List<String> lines(Connection c, String separator, String sql, Object... args) throws SQLException {
        return query(c, sql, args, rs -> {
            int columns = rs.getMetaData().getColumnCount();
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    line.append(i > 1 ? separator : "").append(rs.getString(i));
                }
                out.add(line.toString());
            }
            return out;
        });
    }

    /** Every row as column label to value (the driver's Java type), columns in query order. */
    public static List<Map<String, Object>> rows(Connection c, String sql, Object... args) throws SQLException {
        return query(c, sql, args, rs -> {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        });
    }

    /** Reads one result set. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T query(Connection c, String sql, Object[] args, Reader<T> reader) throws SQLException {
        if (args.length == 0) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return reader.read(rs);
            }
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                return reader.read(rs);
            }
        }
    }

    private static void bind(PreparedStatement s, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
