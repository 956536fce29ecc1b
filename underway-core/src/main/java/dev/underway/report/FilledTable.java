package dev.underway.report;

import dev.underway.migration.QualifiedName;

/**
 * A table a rehearsal filled with synthetic rows before it ran the migrations.
 *
 * @param addedAsParent whether the table was empty and filled only because a filled table's NOT NULL foreign key
 *                      references it
 */
public record FilledTable(QualifiedName table, long rows, long millis, boolean addedAsParent) {
}
