package dev.underway.scratch;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.*;

class ScratchIT {
    static void dump(Connection c, String sql) throws SQLException {
        System.out.println("== " + sql);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) b.append(md.getColumnLabel(i)).append('=').append(rs.getString(i)).append(" | ");
                System.out.println(b);
            }
        } catch (SQLException e) { System.out.println("ERR " + e.getErrorCode() + " " + e.getSQLState() + " " + e.getMessage()); }
    }
    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) { s.execute(sql); }
    }

    @Test
    void maria() throws Exception {
        TestDatabase db = TestDatabases.mariadb();
        try (Connection holder = db.connect(); Connection obs = db.connect()) {
            exec(holder, "CREATE TABLE t (id int primary key, v int) ENGINE=InnoDB");
            exec(holder, "INSERT INTO t VALUES (1,1)");
            holder.setAutoCommit(false);
            dump(holder, "SELECT * FROM t");
            long hid; try (Statement s = holder.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) { rs.next(); hid = rs.getLong(1); }
            dump(obs, "SELECT p.ID, p.COMMAND, p.STATE, p.INFO, x.trx_started FROM information_schema.PROCESSLIST p LEFT JOIN information_schema.INNODB_TRX x ON x.trx_mysql_thread_id = p.ID");
            exec(obs, "KILL QUERY " + hid);
            dump(obs, "SELECT p.ID, p.COMMAND, p.STATE, p.INFO, x.trx_started FROM information_schema.PROCESSLIST p LEFT JOIN information_schema.INNODB_TRX x ON x.trx_mysql_thread_id = p.ID");
            exec(obs, "KILL CONNECTION " + hid);
            Thread.sleep(300);
            dump(obs, "SELECT p.ID, p.COMMAND, p.STATE, p.INFO, x.trx_started FROM information_schema.PROCESSLIST p LEFT JOIN information_schema.INNODB_TRX x ON x.trx_mysql_thread_id = p.ID");
        }
    }
}
