package dev.underway.rehearse;

import dev.underway.config.ConnectionSettings;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Redaction;
import dev.underway.migration.QualifiedName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the simulated application can move to a new version schema as it is: the load's queries
 * name the tables and columns the old version had, so every one must exist there under the same
 * name. An application of a version that renames or drops them has new queries, which a load
 * written for the old version cannot guess.
 */
final class VersionSwitch {
    private VersionSwitch() {
    }

    /** Null when the load can move to {@code schema}; else why not. */
    static String whyNot(ConnectionSettings settings, Dialect dialect, String schema,
                         Map<String, List<String>> columnsByTable) {
        try (Connection c = settings.open()) {
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : columnsByTable.entrySet()) {
                Set<String> present = dialect.schemas().columnNames(c, new QualifiedName(schema, e.getKey()));
                if (present.isEmpty()) {
                    missing.add("table " + e.getKey());
                    continue;
                }
                e.getValue().stream().filter(col -> !present.contains(col)).forEach(col -> missing.add(e.getKey() + "." + col));
            }
            return missing.isEmpty() ? null : "the new version has no " + String.join(", ", missing)
                    + " (renamed or removed), which the load's queries use";
        } catch (SQLException e) {
            return "could not read the new version's columns: " + Redaction.message(e);
        }
    }
}
