package dev.underway;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A setting a remedy may tell the reader to change, named as its {@link Audience} knows it. A message names a
 * setting through {@link #ref()} ({@code "raise " + Setting.LOCK_WAIT.ref()}); {@link UnderwayException#message(Audience)}
 * and {@link #render(String, Audience)} turn the reference into {@code lockWait(Duration)} for a library caller and
 * {@code --lock-wait} for a CLI user.
 */
public enum Setting {
    URL("--url", "Underway.builder().url(String)"),
    USER("--user", "Underway.builder().user(String)"),
    PASSWORD("--password", "Underway.builder().password(String)"),
    CONNECT_TIMEOUT("--connect-timeout", "Underway.builder().connectTimeout(Duration)"),
    SCHEMA("--schema", "Underway.builder().schema(String)"),
    DIRECTORY("--dir", "Underway.builder().directory(Path)"),
    STATE_SCHEMA("--state-schema", "Underway.builder().state(new StateLocation(schema, prefix))"),
    STATE_TABLE_PREFIX("--state-table-prefix", "Underway.builder().state(new StateLocation(schema, prefix))"),
    LOCK_WAIT("--lock-wait", "Underway.builder().lockWait(Duration)"),
    OUT_OF_ORDER("--out-of-order", "Underway.builder().outOfOrder(true)"),
    STATEMENT_TIMEOUT("--statement-timeout", "Underway.builder().statementTimeout(Duration)"),
    LONG_STATEMENT_TIMEOUT("--long-statement-timeout", "Underway.builder().longStatementTimeout(Duration)"),
    KILL_BLOCKERS_AFTER("--kill-blockers-after", "Underway.builder().killBlockersAfter(Duration)"),
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
    THROTTLE_QUERY("--throttle-query", "BackfillRequest.Builder.throttleQuery(String, double)");

    /** {@code {{setting:LOCK_WAIT}}}: unlikely in SQL, YAML or prose, so a message may quote those freely. */
    private static final Pattern REF = Pattern.compile("\\{\\{setting:([A-Z_]+)}}");
    private static final Map<String, Setting> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private final String flag;
    private final String api;

    Setting(String flag, String api) {
        this.flag = flag;
        this.api = api;
    }

    /** The placeholder a message template holds where it names this setting. */
    public String ref() {
        return "{{setting:" + name() + "}}";
    }

    /** The name the audience knows: {@code --lock-wait} or {@code Underway.builder().lockWait(Duration)}. */
    public String name(Audience audience) {
        return audience == Audience.CLI ? flag : api;
    }

    /** The text with every {@link #ref()} replaced by the setting's name for the audience. */
    public static String render(String template, Audience audience) {
        if (template == null || !template.contains("{{setting:")) {
            return template;
        }
        Matcher m = REF.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Setting s = BY_NAME.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(s == null ? m.group() : s.name(audience)));
        }
        return m.appendTail(out).toString();
    }
}
