package dev.underway.cli;

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
        Underway.Info info = underway.info();
        if (format == Format.JSON) {
            out().println(Json.write(json(info)));
            return 0;
        }
        out().println("Schema " + info.targetSchema() + " on " + info.database()
                + (info.currentVersion() == null ? ", no version applied yet" : ", at version " + info.currentVersion()));
        TextTable table = new TextTable("Version", "Description", "Type", "State", "Installed on", "Time", "Note");
        for (MigrationInfo m : info.migrations()) {
            table.add(m.version() == null ? "(repeatable)" : m.version(), m.description(), m.type(), m.state().label(),
                    m.installedOn() == null ? "" : WHEN.format(m.installedOn()),
                    m.executionMs() == null ? "" : m.executionMs() + " ms", m.note());
        }
        table.print(out());
        if (!info.errors().isEmpty()) {
            err().println("validate would fail:\n  " + String.join("\n  ", info.errors()));
        }
        return 0;
    }

    static Object json(Underway.Info info) {
        return Json.object(
                "database", info.database(),
                "schema", info.targetSchema(),
                "current_version", Json.str(info.currentVersion()),
                "valid", info.errors().isEmpty(),
                "errors", info.errors(),
                "migrations", info.migrations().stream().map(m -> Json.object(
                        "version", Json.str(m.version()),
                        "description", m.description(),
                        "category", m.category().name().toLowerCase(Locale.ROOT),
                        "type", m.type(),
                        "script", m.script(),
                        "state", m.state().label(),
                        "checksum", m.checksum(),
                        "installed_on", Json.str(m.installedOn()),
                        "execution_ms", m.executionMs(),
                        "note", m.note())).toList());
    }
}
