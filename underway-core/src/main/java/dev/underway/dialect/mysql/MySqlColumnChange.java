package dev.underway.dialect.mysql;

import dev.underway.sql.shape.ColumnDef;
import dev.underway.sql.shape.SqlType;
import dev.underway.sql.shape.TableModel.ColumnModel;

import java.util.Locale;
import java.util.Map;

/**
 * MODIFY / CHANGE of a column on InnoDB: which of the online cases it is, from the old
 * definition the schema model knows. Anything not recognised as online is a COPY.
 */
final class MySqlColumnChange {
    /** Maximum bytes per character, for the VARCHAR length-prefix rule. */
    private static final Map<String, Integer> BYTES_PER_CHAR = Map.of("latin1", 1, "ascii", 1, "binary", 1,
            "utf8", 3, "utf8mb3", 3, "utf8mb4", 4, "ucs2", 2, "utf16", 4, "utf32", 4);

    private final MySqlFeatures features;

    MySqlColumnChange(MySqlFeatures features) {
        this.features = features;
    }

    OnlineDdl judge(ColumnModel old, ColumnDef now, String tableCharset) {
        if (old == null || old.type() == null) {
            return OnlineDdl.copy("the column's current type is not known (it was not created by an earlier migration "
                    + "here), so the change is assumed to copy the table");
        }
        SqlType from = old.type();
        SqlType to = now.type();
        if (now.identity()) {
            return OnlineDdl.copy("making a column AUTO_INCREMENT copies the table");
        }
        if (sameType(from, to)) {
            if (old.notNull() != now.notNull()) {
                return now.notNull()
                        ? OnlineDdl.inplace(true, "NULL → NOT NULL rebuilds the table in place (needs a strict sql_mode)")
                        : features.nullableChange();
            }
            if (now.position() != null) {
                return features.reorder();
            }
            return OnlineDdl.instant("only the name, default or comment changes");
        }
        if (from.is("varchar") && to.is("varchar") && charset(from, tableCharset).equals(charset(to, tableCharset))) {
            return varcharChange(from, to, charset(to, tableCharset));
        }
        if ((from.is("enum") || from.is("set")) && from.name().equals(to.name())) {
            return enumChange(from, to);
        }
        if (!charset(from, tableCharset).equals(charset(to, tableCharset))) {
            return OnlineDdl.copy("changing the column's character set converts every row: the table is copied");
        }
        return features.typeChange(from, to);
    }

    private static boolean sameType(SqlType a, SqlType b) {
        return a.name().equals(b.name()) && a.args().equals(b.args())
                && (b.charset() == null || b.charset().equalsIgnoreCase(a.charset() == null ? "" : a.charset()));
    }

    private static String charset(SqlType t, String tableCharset) {
        String c = t.charset() != null ? t.charset() : tableCharset != null ? tableCharset : "utf8mb4";
        return c.toLowerCase(Locale.ROOT);
    }

    private OnlineDdl varcharChange(SqlType from, SqlType to, String charset) {
        int perChar = BYTES_PER_CHAR.getOrDefault(charset, 4);
        int oldBytes = from.length() * perChar;
        int newBytes = to.length() * perChar;
        if (newBytes < oldBytes) {
            return OnlineDdl.copy(from + " → " + to + " shortens the column: the table is copied");
        }
        if (oldBytes <= 255 && newBytes > 255) {
            return features.varcharPastOneBytePrefix(from, to, charset, oldBytes);
        }
        return features.varcharExtension();
    }

    private static OnlineDdl enumChange(SqlType from, SqlType to) {
        boolean appended = to.args().size() >= from.args().size()
                && to.args().subList(0, from.args().size()).equals(from.args());
        int limit = from.is("enum") ? 255 : 8;
        boolean sameStorage = (from.args().size() <= limit) == (to.args().size() <= limit);
        if (appended && sameStorage) {
            return OnlineDdl.instant("values are only appended at the end: the definition changes, no row does");
        }
        return OnlineDdl.copy(from.name().toUpperCase(Locale.ROOT) + " values are " + (appended
                ? "appended past the storage size limit" : "removed or reordered") + ": every row is re-encoded, "
                + "the table is copied");
    }
}
