package dev.underway.load;

import dev.underway.dialect.Redaction;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct errors the application saw, by SQLSTATE, each with the first message seen:
 * queries log a small id instead of the exception.
 */
final class ErrorCatalog {
    /** The outcome of a query stopped because the load stopped while it was still waiting. */
    static final String STOPPED = "stopped";

    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final List<String> states = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    synchronized int id(SQLException e) {
        String state = e.getSQLState() == null ? "unknown" : e.getSQLState();
        return id(state, Redaction.text(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip(), List.of()));
    }

    synchronized int id(String state, String message) {
        Integer id = ids.get(state);
        if (id == null) {
            states.add(state);
            messages.add(message);
            id = states.size();
            ids.put(state, id);
        }
        return id;
    }

    synchronized String state(int id) {
        return states.get(id - 1);
    }

    synchronized String message(int id) {
        return messages.get(id - 1);
    }
}
