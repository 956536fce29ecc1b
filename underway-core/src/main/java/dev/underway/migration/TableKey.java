package dev.underway.migration;


import java.util.List;

/**
 * The unique, NOT NULL key a batched change walks in order.
 *
 * @param source what the key is, for messages: {@code primary key} or {@code unique index users_email_key}
 */
public record TableKey(String source, List<TableColumn> columns) {
    public List<String> names() {
        return columns.stream().map(TableColumn::name).toList();
    }
}
