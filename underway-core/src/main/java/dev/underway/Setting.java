package dev.underway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting a remedy may tell the reader to change, named as its {@link Audience} knows it. A message names a
 * setting through {@link #ref()} ({@code "raise " + Setting.LOCK_WAIT.ref()}); {@link UnderwayException#message(Audience)}
 * and {@link #render(String, Audience)} turn the reference into {@code lockWait(Duration)} for a library caller and
 * {@code --lock-wait} for a CLI user. {@link #either(String, String)} does the same for any text.
 */
public enum Setting {
    URL("--url", "url(String)"),
    USER("--user", "user(String)"),
    PASSWORD("--password", "password(String)"),
    CONNECT_TIMEOUT("--connect-timeout", "connectTimeout(Duration)"),
    SCHEMA("--schema", "schema(String)"),
    DIRECTORY("--dir", "directory(Path)"),
    STATE_SCHEMA("--state-schema", "stateSchema(String)"),
    STATE_TABLE_PREFIX("--state-table-prefix", "stateTablePrefix(String)"),
    LOCK_WAIT("--lock-wait", "lockWait(Duration)"),
    OUT_OF_ORDER("--out-of-order", "outOfOrder(true)"),
    UNSAFE("--unsafe", "unsafe(true)"),
    STATEMENT_TIMEOUT("--statement-timeout", "statementTimeout(Duration)"),
    LONG_STATEMENT_TIMEOUT("--long-statement-timeout", "longStatementTimeout(Duration)"),
    KILL_BLOCKERS_AFTER("--kill-blockers-after", "killBlockersAfter(Duration)"),
    BACKFILL_TABLE("--table", "BackfillRequest.builder(table)"),
    BACKFILL_SET("--set", "BackfillRequest.Builder.set(String)"),
    BACKFILL_WHERE("--where", "BackfillRequest.Builder.where(String)"),
    BACKFILL_RESUME("--resume", "BackfillRequest.Builder.resume(ResumeMode.RESUME)"),
    BACKFILL_RESTART("--restart", "BackfillRequest.Builder.resume(ResumeMode.RESTART)"),
    BATCH_SIZE("--batch-size", "BackfillRequest.Builder.batchSize(Integer)"),
    TARGET_BATCH_TIME("--target-batch-ms", "BackfillRequest.Builder.targetBatchTime(Duration)"),
    MAX_ROWS_PER_SECOND("--max-rows-per-second", "BackfillRequest.Builder.maxRowsPerSecond(double)"),
    MAX_REPLICA_LAG("--max-replica-lag", "BackfillRequest.Builder.maxReplicaLag(Duration)"),
    REPLICA_URL("--replica-url", "BackfillRequest.Builder.replicaUrl(String)"),
    THROTTLE_QUERY("--throttle-query", "BackfillRequest.Builder.throttleQuery(String, double)"),
    REHEARSAL_ROWS("--rows", "RehearsalRequest.Builder.rows(String, long)"),
    REHEARSAL_FROM("--from", "RehearsalRequest.Builder.from(MigrationVersion)"),
    LOAD_TABLE("--load-table", "RehearsalRequest.Builder.loadTables(List)");

    /**
     * {@code {{cli:...}}} and {@code {{library:...}}}: text for one audience only. Unlikely in SQL, YAML or prose, so
     * a message may quote those freely.
     */
    private static final Pattern FOR_AUDIENCE = Pattern.compile("\\{\\{(cli|library):(.*?)}}", Pattern.DOTALL);

    private final String flag;
    private final String api;

    Setting(String flag, String api) {
        this.flag = flag;
        this.api = api;
    }

    /** The placeholder a message template holds where it names this setting. */
    public String ref() {
        return either(flag, api);
    }

    /**
     * The name the audience knows: {@code --lock-wait}, or {@code lockWait(Duration)} (a method of
     * {@link Underway.Builder} unless it names its class).
     */
    public String name(Audience audience) {
        return audience == Audience.CLI ? flag : api;
    }

    /**
     * A placeholder that renders as {@code cli} for the CLI and as {@code library} for a library caller, for remedies
     * that differ in more than a name ({@code --state-schema app --state-table-prefix underway_} /
     * {@code stateSchema("app").stateTablePrefix("underway_")}).
     */
    public static String either(String cli, String library) {
        if (cli.contains("}}") || library.contains("}}")) {
            throw new IllegalArgumentException("'}}' ends a placeholder: " + cli + " / " + library);
        }
        return "{{cli:" + cli + "}}{{library:" + library + "}}";
    }

    /** The text with every placeholder replaced by its audience's text. */
    public static String render(String template, Audience audience) {
        if (template == null || !template.contains("{{")) {
            return template;
        }
        String mine = audience == Audience.CLI ? "cli" : "library";
        Matcher m = FOR_AUDIENCE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).equals(mine) ? m.group(2) : ""));
        }
        return m.appendTail(out).toString();
    }
}
