/**
 * Test support shared by every module's tests: {@code TestDatabases} starts one embedded PostgreSQL and one embedded
 * MariaDB per test JVM on first use and gives each test a fresh empty {@code TestDatabase}; {@code Sql} reads and
 * writes on a connection a test holds; {@code ProjectFiles} finds the project's own files. MariaDB's binaries are
 * unpacked once per version for every JVM on the machine ({@code MariaDbBinaries}). It must not depend on any Underway
 * module (core tests use it), and only test scopes and the benchmarks may use it.
 */
package dev.underway.testkit;
