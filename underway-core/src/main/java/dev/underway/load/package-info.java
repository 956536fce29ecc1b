/**
 * A simulated application load and what it saw: {@code LoadGenerator} runs {@code LoadClient}s to a {@code LoadSpec}
 * and {@code report.QueryMix}, every query is kept in a {@code LoadRecording}, which answers latency ({@code report.LatencyStats}),
 * timeline and {@code report.Stall} questions. A tool: it may use {@code synthetic} and the library below; it must not depend
 * on {@code trace}, {@code rehearse} or the facade.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.load;
