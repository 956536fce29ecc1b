package dev.underway.expand;

import dev.underway.dialect.postgres.PostgresCatalog;
import dev.underway.migration.MigrationVersion;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The version schemas of a target schema that exist in the database. Start marks each with a
 * comment ({@code underway: version V of schema S}), which is how they are found again.
 */
final class VersionSchemas {
    private VersionSchemas() {
    }

    /** A version schema and the version it shows. */
    record Found(String name, MigrationVersion version) {
    }

    static List<Found> existing(Connection c, String schema) throws SQLException {
        List<Found> out = new ArrayList<>();
        String prefix = "underway: version ";
        String suffix = " of schema " + schema;
        for (Map.Entry<String, String> e : PostgresCatalog.schemaComments(c, prefix).entrySet()) {
            String comment = e.getValue();
            if (comment.endsWith(suffix)) {
                String v = comment.substring(prefix.length(), comment.length() - suffix.length());
                out.add(new Found(e.getKey(), MigrationVersion.parse(v)));
            }
        }
        return out;
    }

    /** The schema the old version of a new migration reads: the newest version schema not in flight, or the base schema. */
    static String oldSchemaFor(Connection c, String schema, List<String> inFlightSchemas) throws SQLException {
        Optional<Found> latest = existing(c, schema).stream().filter(f -> !inFlightSchemas.contains(f.name()))
                .max(java.util.Comparator.comparing(Found::version));
        return latest.map(Found::name).orElse(schema);
    }
}
