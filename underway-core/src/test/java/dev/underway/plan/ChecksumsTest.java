package dev.underway.plan;

import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.sql.StatementSplitter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumsTest {

    @Test
    void lineEndingsAndByteOrderMarkDoNotChangeTheChecksum() {
        int unix = Checksums.file("CREATE TABLE t (id int);\nSELECT 1;\n");
        assertThat(Checksums.file("CREATE TABLE t (id int);\r\nSELECT 1;\r\n")).isEqualTo(unix);
        assertThat(Checksums.file("\uFEFFCREATE TABLE t (id int);\rSELECT 1;")).isEqualTo(unix);
    }

    @Test
    void contentChangesChangeTheChecksum() {
        assertThat(Checksums.file("SELECT 1;")).isNotEqualTo(Checksums.file("SELECT 2;"));
        assertThat(Checksums.file("SELECT 1;")).isNotEqualTo(Checksums.file("SELECT  1;"));
    }

    @Test
    void isFlywaysCrc32OfLinesWithoutLineBreaks() {
        CRC32 crc = new CRC32();
        crc.update("a".getBytes(StandardCharsets.UTF_8));
        crc.update("b".getBytes(StandardCharsets.UTF_8));
        assertThat(Checksums.file("a\nb\n")).isEqualTo((int) crc.getValue());
    }

    @Test
    void statementPrefixChecksumOnlyCoversTheFirstStatements() {
        StatementSplitter s = new StatementSplitter(PostgresDialect.SYNTAX);
        var a = s.split("SELECT 1; SELECT 2; SELECT 3;", "a").statements();
        var b = s.split("SELECT 1;\r\n SELECT 2; SELECT 30;", "b").statements();
        assertThat(Checksums.statements(a, 2)).isEqualTo(Checksums.statements(b, 2));
        assertThat(Checksums.statements(a, 3)).isNotEqualTo(Checksums.statements(b, 3));
        assertThat(Checksums.statements(a, 0)).isEqualTo(Checksums.statements(b, 0));
    }
}
