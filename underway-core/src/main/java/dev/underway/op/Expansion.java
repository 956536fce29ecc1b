package dev.underway.op;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.dialect.postgres.PostgresQuoting;
import dev.underway.sql.SqlSyntax;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The new version of the schema while a migration's operations are planned: the snapshot
 * they start from, a {@link TableDraft} for every table they touch, and the tables they touch
 * or depend on (for conflicts with other migrations in flight).
 */
final class Expansion {
    final String file;
    final String version;
    final SchemaSnapshot before;
    final String newSchema;
    final Map<String, TableDraft> drafts = new LinkedHashMap<>();
    /** Tables changed (by their names before start) and tables only depended on (foreign keys). */
    final Set<String> touched = new LinkedHashSet<>();
    final Set<String> referenced = new LinkedHashSet<>();
    /** Tables that {@code sql} operations of this migration create in the schema: the new version shows them as they are. */
    final Set<String> sqlTables = new LinkedHashSet<>();

    /** @param versionSchema the file's {@code version_schema}, or null for the default name */
    Expansion(String file, String version, SchemaSnapshot before, String versionSchema) {
        this.file = file;
        this.version = version;
        this.before = before;
        this.newSchema = versionSchema == null ? Names.versionSchema(before.schema(), version)
                : Names.namedVersionSchema(file, before.schema(), versionSchema);
    }

    String schema() {
        return before.schema();
    }

    SqlSyntax syntax() {
        return PostgresDialect.SYNTAX;
    }

    /** A table of the target schema, quoted and qualified. */
    String qualified(String table) {
        return PostgresQuoting.qualified(schema(), table);
    }

    /** The draft of the table the new version calls {@code name}; created from the snapshot on first use. */
    TableDraft table(String name, int line, String op) {
        Optional<TableDraft> existing = drafts.values().stream().filter(d -> d.name.equals(name) && !d.dropped)
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        SchemaSnapshot.Table t = before.table(name).filter(x -> !drafts.containsKey(name))
                .orElseThrow(() -> error(line, op + ": table " + name + " does not exist in schema " + schema()
                        + (before.tables().isEmpty() ? "" : " (its tables: " + String.join(", ", before.tables().keySet())
                        + ")")));
        TableDraft d = new TableDraft(name, t, false);
        drafts.put(name, d);
        touched.add(name);
        return d;
    }

    TableDraft createTable(String name, int line) {
        if (before.table(name).isPresent() || drafts.values().stream().anyMatch(d -> d.name.equals(name) && !d.dropped)) {
            throw error(line, "create_table: table " + name + " already exists in schema " + schema());
        }
        TableDraft d = new TableDraft(name, null, true);
        drafts.put(name, d);
        touched.add(name);
        return d;
    }

    /** A table a foreign key points to: it must exist, and it counts as a dependency. */
    String referencedTable(String name, int line, String op) {
        boolean exists = before.table(name).isPresent()
                || drafts.values().stream().anyMatch(d -> d.name.equals(name) && !d.dropped);
        if (!exists) {
            throw error(line, op + ": referenced table " + name + " does not exist in schema " + schema());
        }
        Optional<TableDraft> d = drafts.values().stream().filter(x -> x.name.equals(name)).findFirst();
        String physical = d.map(x -> x.physical).orElse(name);
        referenced.add(physical);
        return physical;
    }

    /** The column the new version calls {@code name}; an operation may change a column only once per migration. */
    TableDraft.Column column(TableDraft t, String name, int line, String op, boolean changes) {
        TableDraft.Column c = t.column(name).orElseThrow(() -> error(line, op + ": column " + name + " does not exist"
                + " in table " + t.name + " (its columns: " + t.columns.stream().map(x -> x.name)
                .collect(Collectors.joining(", ")) + ")"));
        if (changes && !t.changedColumns.add(c.physical)) {
            throw error(line, op + ": column " + t.name + "." + name + " is already changed by an earlier operation"
                    + " of this migration; put both changes in one alter_column");
        }
        return c;
    }

    void requireNewColumn(TableDraft t, String name, int line, String op) {
        if (t.column(name).isPresent() || t.oldColumns().contains(name)) {
            throw error(line, op + ": column " + name + " already exists in table " + t.name);
        }
        if (Names.hidden(name)) {
            throw error(line, op + ": column names starting with " + Names.PREFIX + " are reserved for Underway");
        }
    }

    UnderwayException error(int line, String message) {
        return UnderwayException.of(Reason.BAD_FILE, file + ":" + line + ": " + message).at(file, line);
    }

    List<TableDraft> changedDrafts() {
        return drafts.values().stream().filter(TableDraft::changed).toList();
    }
}
