package dev.underway.op;

import dev.underway.Reason;
import dev.underway.UnderwayException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the keys of one YAML mapping (an operation, a column, a reference), remembering which
 * were read, so that {@link #done()} can refuse unknown keys with their line. Every error names
 * the file, the line and the operation.
 */
final class Fields {
    private final String file;
    private final String what;
    private final YamlNode.Mapping map;
    private final Set<String> read = new LinkedHashSet<>();

    Fields(String file, String what, YamlNode node) {
        this.file = file;
        this.what = what;
        if (!(node instanceof YamlNode.Mapping m)) {
            throw UnderwayException.of(Reason.BAD_FILE, file + ":" + node.line() + ": " + what + " must be a mapping of keys to values,"
                    + " found " + node.describe()).at(file, node.line());
        }
        this.map = m;
    }

    String file() {
        return file;
    }

    int line() {
        return map.line();
    }

    /** The line a key is written on, or the mapping's line when it is absent. */
    int line(String key) {
        return map.keyLines().getOrDefault(key, map.line());
    }

    boolean has(String key) {
        read.add(key);
        return map.values().containsKey(key);
    }

    /** Given, and written as null ({@code default: null} drops a default). */
    boolean isNull(String key) {
        return has(key) && map.values().get(key) instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL;
    }

    /** Given, and written as a mapping. */
    boolean isMapping(String key) {
        return node(key) instanceof YamlNode.Mapping;
    }

    String string(String key) {
        String value = optString(key);
        if (value == null || value.isBlank()) {
            throw error(key, "needs '" + key + "'");
        }
        return value;
    }

    /** Text, a number or a boolean written as a scalar; null when absent or null. */
    String optString(String key) {
        YamlNode n = node(key);
        if (n == null) {
            return null;
        }
        if (n instanceof YamlNode.Scalar s) {
            return s.text();
        }
        throw error(key, "'" + key + "' must be text, found " + n.describe());
    }

    Boolean optBool(String key) {
        YamlNode n = node(key);
        if (n == null || n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL) {
            return null;
        }
        if (n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        throw error(key, "'" + key + "' must be true or false, found " + n.describe());
    }

    Fields object(String key) {
        Fields f = optObject(key);
        if (f == null) {
            throw error(key, "needs '" + key + "'");
        }
        return f;
    }

    Fields optObject(String key) {
        YamlNode n = node(key);
        return n == null || n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL ? null
                : new Fields(file, what + "." + key, n);
    }

    List<YamlNode> list(String key) {
        YamlNode n = node(key);
        if (n == null) {
            throw error(key, "needs '" + key + "'");
        }
        if (!(n instanceof YamlNode.Sequence s)) {
            throw error(key, "'" + key + "' must be a list, found " + n.describe());
        }
        return s.items();
    }

    List<String> stringList(String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : list(key)) {
            if (!(item instanceof YamlNode.Scalar s) || s.text() == null || s.text().isBlank()) {
                throw UnderwayException.of(Reason.BAD_FILE, file + ":" + item.line() + ": " + what + ": every item of '" + key
                        + "' must be a name").at(file, item.line());
            }
            out.add(s.text());
        }
        if (out.isEmpty()) {
            throw error(key, "'" + key + "' must not be empty");
        }
        return out;
    }

    /** A mapping of names to text ({@code up: {email: "lower(email)"}}); empty when absent. */
    Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Fields f = optObject(key);
        if (f == null) {
            return out;
        }
        for (String k : f.map.values().keySet()) {
            out.put(k, f.optString(k));
        }
        return out;
    }

    /** The mapping's keys, in file order, all counted as read (for mappings keyed by name, such as index columns). */
    List<String> keys() {
        read.addAll(map.values().keySet());
        return List.copyOf(map.values().keySet());
    }

    /** Refuses every key that was not read: typos must not pass silently. */
    void done() {
        for (Map.Entry<String, Integer> e : map.keyLines().entrySet()) {
            if (!read.contains(e.getKey())) {
                throw UnderwayException.of(Reason.BAD_FILE, file + ":" + e.getValue() + ": " + what + ": unknown key '" + e.getKey()
                        + "' (known keys: " + String.join(", ", read) + ")").at(file, e.getValue());
            }
        }
    }

    UnderwayException error(String key, String message) {
        return UnderwayException.of(Reason.BAD_FILE, file + ":" + line(key) + ": " + what + ": " + message);
    }

    UnderwayException error(String message) {
        return UnderwayException.of(Reason.BAD_FILE, file + ":" + map.line() + ": " + what + ": " + message).at(file, map.line());
    }

    private YamlNode node(String key) {
        read.add(key);
        return map.values().get(key);
    }
}
