/**
 * The benchmarks behind docs/benchmarks.md, run by {@code underway-bench/bench}: {@code BenchMain} dispatches to one
 * class per benchmark ({@code MigrationsBench} against Flyway, {@code BackfillBench} against one unbatched UPDATE,
 * {@code ImpactBench} and {@code BlockerBench} under an application load), each measuring Underway and its baseline in
 * the same run on the testkit's embedded servers. It uses the library and the testkit; nothing may depend on it.
 */
package dev.underway.bench;
