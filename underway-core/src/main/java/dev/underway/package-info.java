/**
 * The library's entry point and its failure model. {@link dev.underway.Underway} (with its builder) is the facade
 * every library caller and the CLI go through; nothing else in the library uses it. The leaf types beside it,
 * {@link dev.underway.UnderwayException} with its {@link dev.underway.Reason} and {@link dev.underway.ErrorCode},
 * {@link dev.underway.Setting}, {@link dev.underway.Audience} and {@link dev.underway.Durations}, are the bottom layer
 * that every package may use, so they must not depend on any other package of Underway;
 * {@link dev.underway.Interruption} sits just above the dialects (it cancels through them). See ARCHITECTURE.md for
 * the layers.
 */
package dev.underway;
