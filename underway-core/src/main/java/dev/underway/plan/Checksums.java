package dev.underway.plan;

import dev.underway.migration.SqlStatement;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Checksums over normalized text: a byte-order mark and line endings do not count. The file
 * checksum is Flyway's (CRC32 over the UTF-8 bytes of each line without its line break), so
 * a history imported from Flyway validates against the same files.
 */
public final class Checksums {
    private Checksums() {
    }

    public static int file(String content) {
        String text = stripBom(content);
        CRC32 crc = new CRC32();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    /** The checksum of the first {@code count} statements: what a resumed migration must not have changed. */
    public static int statements(List<SqlStatement> statements, int count) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < count; i++) {
            SqlStatement s = statements.get(i);
            crc.update(normalize(s.sql()).getBytes(StandardCharsets.UTF_8));
            crc.update(0);
            if (s.copyData() != null) {
                // A COPY's rows are part of what ran: editing them must not pass as unchanged.
                crc.update(normalize(s.copyData()).getBytes(StandardCharsets.UTF_8));
                crc.update(0);
            }
        }
        return (int) crc.getValue();
    }

    public static String stripBom(String content) {
        return content.startsWith("\uFEFF") ? content.substring(1) : content;
    }

    private static String normalize(String sql) {
        return sql.replace("\r\n", "\n").replace('\r', '\n');
    }
}
