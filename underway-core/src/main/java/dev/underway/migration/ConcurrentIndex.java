package dev.underway.migration;

import java.util.List;

/**
 * The index a {@code CREATE INDEX CONCURRENTLY} statement builds. A failed build leaves it
 * behind INVALID, so the executor must know which one to drop.
 *
 * @param name  the index name as the server stores it; null when the statement names none
 * @param table the table's name parts as the server stores them ({@code [schema,] table})
 */
public record ConcurrentIndex(String name, List<String> table) {
    public ConcurrentIndex {
        table = List.copyOf(table);
    }
}
