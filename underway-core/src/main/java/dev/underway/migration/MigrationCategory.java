package dev.underway.migration;

/** Versioned migrations run once in version order; repeatable ones run again whenever they change. */
public enum MigrationCategory {
    VERSIONED,
    REPEATABLE
}
