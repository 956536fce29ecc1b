package dev.underway.dialect;

import dev.underway.migration.TableColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Renders {@code key IN (...)} lists; each engine says how a column and a placeholder look. */
public final class KeyLists {
    private KeyLists() {
    }

    public static BatchSql.Condition in(List<TableColumn> key, int count, Function<TableColumn, String> column,
                                        Function<TableColumn, String> placeholder) {
        String columns = key.stream().map(column).collect(Collectors.joining(", "));
        String one = key.stream().map(placeholder).collect(Collectors.joining(", "));
        List<Integer> order = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(key.size() == 1 ? one : "(" + one + ")");
            for (int k = 0; k < key.size(); k++) {
                order.add(k);
            }
        }
        String lhs = key.size() == 1 ? columns : "(" + columns + ")";
        return new BatchSql.Condition(lhs + " IN (" + String.join(", ", values) + ")", order);
    }
}
