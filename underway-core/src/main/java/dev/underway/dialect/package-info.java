/**
 * Everything that differs between engines, split by concern: {@code Dialect} hands out small interfaces
 * ({@code LockPolicy}, {@code SessionTimeouts}, {@code SessionLocks}, {@code Blockers}, {@code ErrorClassifier},
 * {@code TableIntrospection}, {@code BatchSql}, {@code Privileges}, ...) whose implementations live in
 * {@code dialect.postgres} and {@code dialect.mysql}; {@code Dialects} detects the engine and version; {@code migration.Verdict}
 * is what a statement locks and rewrites; {@code Redaction} takes secrets out of driver messages. Engine-specific SQL,
 * quoting and catalog reading live here and nowhere else. It may use {@code sql}, {@code wait} and the foundation
 * types, and must not depend on plans, state tables, configuration or anything above them.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.dialect;
