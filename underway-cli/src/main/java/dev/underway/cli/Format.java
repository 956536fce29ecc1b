package dev.underway.cli;

/** Output formats of commands that print results. */
enum Format {
    TEXT,
    JSON
}
