/**
 * Public API: the reports of the review tools, and what they take. Lint ({@code LintTarget}, {@code LintOptions},
 * {@code Finding}, {@code Severity}, {@code LintReport}, {@code LintRule}, and {@code FixReport}, {@code FixedFile} of
 * {@code lint --fix}), trace ({@code TracedStatement}, {@code Observation},
 * {@code ObservedLock}, {@code PgLock}), rehearsal ({@code RehearsalRequest}, {@code RehearsalReport},
 * {@code StepReport}, {@code FilledTable}) and a simulated load ({@code LoadRequest}, {@code LoadSummary}, {@code QueryMix},
 * {@code QueryKind}, {@code LatencyStats}, {@code Stall}, {@code TimelineInterval}).
 *
 * <p>Values only, like {@code dev.underway.migration}, which is the one package besides the failure model it may
 * use.
 */
package dev.underway.report;
