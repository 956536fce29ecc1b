package dev.underway.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the file line it starts on, so every error about it can name the line.
 * Only what migration files use: mappings, sequences and scalars.
 */
sealed interface YamlNode {
    int line();

    /** How the value was written, for messages: {@code a mapping}, {@code a list}, {@code text}. */
    String describe();

    /** A mapping; keys keep their order and the line each key is written on. */
    record Mapping(Map<String, YamlNode> values, Map<String, Integer> keyLines, int line) implements YamlNode {
        public Mapping {
            values = new LinkedHashMap<>(values);
            keyLines = new LinkedHashMap<>(keyLines);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar; {@code text} is null for YAML's null ({@code ~}, {@code null}, or nothing). */
    record Scalar(String text, Kind kind, int line) implements YamlNode {
        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "text";
                case BOOLEAN -> "true/false";
                case NUMBER -> "a number";
                case NULL -> "null";
            };
        }
    }

    enum Kind { STRING, BOOLEAN, NUMBER, NULL }
}
