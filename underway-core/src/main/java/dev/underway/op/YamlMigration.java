package dev.underway.op;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.migration.MigrationName;
import dev.underway.migration.MigrationVersion;
import dev.underway.plan.Checksums;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A declarative migration file {@code V<version>__<description>.yaml} in pgroll's format:
 * {@code operations:} with one operation per item, and optionally {@code version_schema:}. An old-style top-level {@code name:} is
 * accepted and ignored (the file name names the migration); anything else unknown is an error.
 *
 * @param script        the file name (or path relative to the migration directory) used in messages
 * @param text          the file as read, kept with the in-flight migration so complete and rollback need no file
 * @param versionSchema pgroll's {@code version_schema}: the version schema is {@code <schema>_<versionSchema>}
 *                      instead of {@code <schema>_v<version>}; null when not given
 */
public record YamlMigration(MigrationVersion version, String description, String script, String text, int checksum,
                            List<Operation<?>> operations, String versionSchema) {
    private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.*)\\.ya?ml");
    private static final Map<String, Function<Fields, Operation<?>>> READERS = Map.ofEntries(
            Map.entry("create_table", CreateTable::read),
            Map.entry("drop_table", DropTable::read),
            Map.entry("rename_table", RenameTable::read),
            Map.entry("add_column", AddColumn::read),
            Map.entry("drop_column", DropColumn::read),
            Map.entry("rename_column", AlterColumn::readRename),
            Map.entry("alter_column", AlterColumn::read),
            Map.entry("create_index", CreateIndex::read),
            Map.entry("drop_index", DropIndex::read),
            Map.entry("create_constraint", CreateConstraint::read),
            Map.entry("drop_constraint", f -> DropConstraint.read(f, "drop_constraint")),
            Map.entry("drop_multicolumn_constraint", f -> DropConstraint.read(f, "drop_multicolumn_constraint")),
            Map.entry("rename_constraint", RenameConstraint::read),
            Map.entry("set_replica_identity", SetReplicaIdentity::read),
            Map.entry("sql", RawSql::read));

    public YamlMigration {
        operations = List.copyOf(operations);
    }

    /** True for names of the form {@code V<version>__<description>.yaml} (or {@code .yml}). */
    public static boolean isYamlMigration(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    public String label() {
        return "V" + version;
    }

    public static YamlMigration read(Path file) {
        String name = file.getFileName().toString();
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            return parse(name, text);
        } catch (CharacterCodingException e) {
            throw UnderwayException.of(Reason.BAD_FILE, name + ": is not valid UTF-8; save it as UTF-8");
        } catch (IOException e) {
            throw UnderwayException.of(Reason.FILE_ACCESS, file + ": cannot be read: " + e.getMessage());
        }
    }

    /** Parses a file's text; {@code script} is its name, which carries the version. */
    public static YamlMigration parse(String script, String text) {
        String fileName = script.substring(script.lastIndexOf('/') + 1);
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw UnderwayException.of(Reason.BAD_FILE, script + ": not a valid migration name: a declarative migration is named"
                    + " V<version>__<description>.yaml, e.g. V3__rename_email.yaml");
        }
        MigrationName name = MigrationName.parse("V" + m.group(1) + "__" + m.group(2) + ".sql").orElseThrow();
        String body = Checksums.stripBom(text);
        Fields root = new Fields(script, "migration", YamlTree.parse(script, body));
        root.optString("name");
        String versionSchema = root.optString("version_schema");
        if (versionSchema != null && versionSchema.isBlank()) {
            throw root.error("version_schema", "'version_schema' is empty; give the version schema a name or leave it out");
        }
        List<Operation<?>> operations = new ArrayList<>();
        for (YamlNode item : root.list("operations")) {
            operations.add(operation(script, item));
        }
        root.done();
        if (operations.isEmpty()) {
            throw root.error("operations", "'operations' is empty; a migration needs at least one operation");
        }
        return new YamlMigration(name.version(), name.description(), script, body, Checksums.file(text), operations,
                versionSchema);
    }

    private static Operation<?> operation(String script, YamlNode item) {
        if (!(item instanceof YamlNode.Mapping m) || m.values().size() != 1) {
            throw UnderwayException.of(Reason.BAD_FILE, script + ":" + item.line() + ": each item of 'operations' is one operation,"
                    + " such as '- alter_column: {...}'").at(script, item.line());
        }
        String kind = m.values().keySet().iterator().next();
        Function<Fields, Operation<?>> reader = READERS.get(kind);
        if (reader == null) {
            throw UnderwayException.of(Reason.BAD_FILE, script + ":" + m.keyLines().get(kind) + ": unknown operation '" + kind
                    + "' (known: " + String.join(", ", READERS.keySet().stream().sorted().toList()) + ")").at(script, m.keyLines().get(kind));
        }
        return reader.apply(new Fields(script, kind, m.values().get(kind)));
    }

    public Optional<Operation<?>> operationAt(int line) {
        return operations.stream().filter(o -> o.line() == line).findFirst();
    }
}
