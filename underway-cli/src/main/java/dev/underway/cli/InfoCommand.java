package dev.underway.cli;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.underway.Audience;
import dev.underway.Underway;
import dev.underway.migration.MigrationInfo;
import dev.underway.migration.MigrationVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

@Command(name = "info", description = "Show every migration and its state: pending, applied, failed, outdated, missing, ignored.")
final class InfoCommand extends DatabaseCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Option(names = "--format", description = "text or json. Default: ${DEFAULT-VALUE}.", defaultValue = "text")
    Format format;

    @Override
    int run(Underway underway) {
        boolean files = !withoutDirectory();
        Underway.Info info = files ? underway.info() : underway.infoWithoutFiles();
        if (format == Format.JSON) {
            out().println(Json.write(json(info, files)));
            if (!files) {
                err().println(noDirectoryNote());
            }
            return 0;
        }
        out().println("Schema " + info.targetSchema() + " on " + info.database()
                + (info.currentVersion() == null ? ", no version applied yet" : ", at version " + info.currentVersion()));
        TextTable table = new TextTable("Version", "Description", "Type", "State", "Installed on", "Installed by",
                "Time", "Checksum", "Note");
        for (MigrationInfo m : info.migrations()) {
            table.add(m.version() == null ? "(repeatable)" : m.version(), m.description(), m.type(), m.state().label(),
                    m.installedOn() == null ? "" : WHEN.format(m.installedOn()), m.installedBy(),
                    m.executionMs() == null ? "" : m.executionMs() + " ms", m.checksum(), m.note());
        }
        table.print(out());
        if (!files) {
            err().println(noDirectoryNote());
        } else if (!info.errors().isEmpty()) {
            err().println("validate would fail:\n  " + String.join("\n  ", info.errors(Audience.CLI)));
        }
        return 0;
    }

    /**
     * {@code info --format json} (and validate's): the README documents these keys.
     *
     * @param filesChecked false when there was no migration directory: the history alone
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record InfoJson(String database, String schema, MigrationVersion currentVersion, boolean valid, List<String> errors,
                    boolean filesChecked, List<Migration> migrations) {
        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record Migration(MigrationVersion version, String description, String category, String type, String script,
                         String state, Integer checksum, Instant installedOn, String installedBy, Long executionMs,
                         String note) {
            static Migration of(MigrationInfo m) {
                return new Migration(m.version(), m.description(), m.category().name().toLowerCase(Locale.ROOT),
                        m.type(), m.script(), m.state().label(), m.checksum(), m.installedOn(), m.installedBy(),
                        m.executionMs(), m.note());
            }
        }
    }

    static InfoJson json(Underway.Info info, boolean filesChecked) {
        return new InfoJson(info.database(), info.targetSchema(), info.currentVersion(), info.errors().isEmpty(),
                info.errors(Audience.CLI), filesChecked, info.migrations().stream().map(InfoJson.Migration::of).toList());
    }
}
