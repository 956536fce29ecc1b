/**
 * A simulated application load and what it saw: {@code LoadGenerator} runs {@code LoadClient}s to a {@code LoadSpec}
 * and {@code QueryMix}, every query is kept in a {@code LoadRecording}, which answers latency ({@code LatencyStats}),
 * timeline and {@code Stall} questions. A tool: it may use {@code synthetic} and the library below; it must not depend
 * on {@code trace}, {@code rehearse} or the facade.
 */
package dev.underway.load;
