/**
 * The command line: {@code Main} and the picocli root {@code UnderwayCommand}, one class per subcommand (those that
 * talk to a database extend {@code DatabaseCommand}), shared options as mixins ({@code TargetOptions},
 * {@code OnlineOptions}), text and JSON output ({@code Json}, {@code TextTable}, {@code PlanOutput}, {@code Sarif}),
 * progress on stderr ({@code ConsoleListener}, {@code BackfillConsole}), errors rendered for the CLI audience with
 * their exit codes ({@code ErrorReporter}), and the embedded default database ({@code EmbeddedDefault}). Results go to
 * stdout, logs and progress to stderr. It works through the library's facade {@code dev.underway.Underway}; nothing in
 * {@code underway-core} may depend on it, and it must not run SQL of its own.
 */
package dev.underway.cli;
