package dev.underway.cli;

import dev.underway.Underway;
import dev.underway.migration.OnlineExecution;
import picocli.CommandLine.Option;

import java.time.Duration;

/** Lock and statement timeouts, retries and ending idle blockers: the options of every command that changes the schema. */
public final class OnlineOptions {
    @Option(names = "--lock-timeout", description = "How long a statement that takes a strong lock may wait for it"
            + " before it gives up and is retried, e.g. 500ms, 2s (MySQL/MariaDB: whole seconds, rounded up); the first"
            + " attempts wait less (200ms, doubling up to it). A file may set its own with -- underway:lock-timeout=5s."
            + " Default: ${DEFAULT-VALUE}.", defaultValue = "1s")
    Duration lockTimeout;

    @Option(names = "--lock-retry-for", description = "How long one statement (or one migration's transaction) keeps"
            + " retrying after lock timeouts before giving up with exit code 3. Default: ${DEFAULT-VALUE}.",
            defaultValue = "10m")
    Duration lockRetryFor;

    @Option(names = "--statement-timeout", description = "How long a brief catalog change (ALTER TABLE, DROP,"
            + " non-concurrent CREATE INDEX, ...) may run; 0s: no limit. Not enforced on MySQL. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1m")
    Duration statementTimeout;

    @Option(names = "--long-statement-timeout", description = "How long non-blocking long work (CREATE INDEX"
            + " CONCURRENTLY, VALIDATE CONSTRAINT, in-place index builds) may run; 0s: no limit. Default: ${DEFAULT-VALUE}.",
            defaultValue = "0s")
    Duration longStatementTimeout;

    @Option(names = "--kill-blockers-after", description = "After retrying a statement this long, cancel and then"
            + " terminate the sessions that block it while idle in a transaction (never sessions running a query)."
            + " Off by default.")
    Duration killBlockersAfter;

    Underway.Builder apply(Underway.Builder builder) {
        return builder.online(execution());
    }

    OnlineExecution execution() {
        return OnlineExecution.DEFAULTS.withLockTimeout(lockTimeout).withLockRetryFor(lockRetryFor)
                .withStatementTimeout(statementTimeout).withLongStatementTimeout(longStatementTimeout)
                .withKillBlockersAfter(killBlockersAfter);
    }
}
