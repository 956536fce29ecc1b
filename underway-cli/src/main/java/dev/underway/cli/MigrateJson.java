package dev.underway.cli;

import dev.underway.exec.AppliedMigration;
import dev.underway.exec.MigrateResult;

final class MigrateJson {
    private MigrateJson() {
    }

    static Object of(MigrateResult r) {
        return Json.object(
                    "database", r.database(),
                    "schema", r.targetSchema(),
                    "current_version", Json.str(r.currentVersion()),
                    "applied", r.applied().stream().map(MigrateJson::json).toList(),
                    "waiting", r.waiting(),
                    "warnings", r.warnings());
    }

    private static Object json(AppliedMigration a) {
        return Json.object("migration", a.label(), "description", a.description(), "script", a.script(),
                "mode", a.mode().name().toLowerCase(java.util.Locale.ROOT), "statements", a.statements(),
                "resumed_at", a.resumedAt(), "execution_ms", a.executionMs(), "retries", a.retries(),
                "lock_wait_ms", a.lockWaitMs());
    }
}
