package dev.underway.cli;

import dev.underway.Audience;
import dev.underway.Underway;
import dev.underway.plan.MigrationInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

    /** @param filesChecked false when there was no migration directory: the history alone */
    static Object json(Underway.Info info, boolean filesChecked) {
        return Json.object(
                "database", info.database(),
                "schema", info.targetSchema(),
                "current_version", Json.str(info.currentVersion()),
                "valid", info.errors().isEmpty(),
                "errors", info.errors(Audience.CLI),
                "files_checked", filesChecked,
                "migrations", info.migrations().stream().map(m -> Json.object(
                        "version", Json.str(m.version()),
                        "description", m.description(),
                        "category", m.category().name().toLowerCase(Locale.ROOT),
                        "type", m.type(),
                        "script", m.script(),
                        "state", m.state().label(),
                        "checksum", m.checksum(),
                        "installed_on", Json.str(m.installedOn()),
                        "installed_by", m.installedBy(),
                        "execution_ms", m.executionMs(),
                        "note", m.note())).toList());
    }
}
