package dev.underway.op;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.underway.Reason;
import dev.underway.UnderwayException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into {@link YamlNode}s with Jackson's streaming YAML parser, keeping each
 * token's line: a data binder would lose them, and errors must say where the problem is.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String file;
    private final JsonParser parser;

    private YamlTree(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** The document's root; an empty document is an error. */
    static YamlNode parse(String file, String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            YamlTree tree = new YamlTree(file, p);
            JsonToken first = p.nextToken();
            if (first == null) {
                throw UnderwayException.of(Reason.BAD_FILE, file + ":1: is empty; a migration needs 'operations:'");
            }
            YamlNode root = tree.value(first);
            if (p.nextToken() != null) {
                throw UnderwayException.of(Reason.BAD_FILE, file + ":" + tree.line() + ": holds more than one YAML document").at(file, tree.line());
            }
            return root;
        } catch (IOException e) {
            throw UnderwayException.of(Reason.BAD_FILE, YamlSyntaxError.describe(file, e));
        }
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private YamlNode value(JsonToken token) throws IOException {
        int line = line();
        return switch (token) {
            case START_OBJECT -> mapping(line);
            case START_ARRAY -> sequence(line);
            case VALUE_STRING -> new YamlNode.Scalar(parser.getText(), YamlNode.Kind.STRING, line);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(parser.getText(), YamlNode.Kind.BOOLEAN, line);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(parser.getText(), YamlNode.Kind.NUMBER, line);
            case VALUE_NULL -> new YamlNode.Scalar(null, YamlNode.Kind.NULL, line);
            default -> throw UnderwayException.of(Reason.BAD_FILE, file + ":" + line + ": unexpected YAML " + token).at(file, line);
        };
    }

    private YamlNode mapping(int line) throws IOException {
        Map<String, YamlNode> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            int keyLine = line();
            if (values.containsKey(key)) {
                throw UnderwayException.of(Reason.BAD_FILE, file + ":" + keyLine + ": key '" + key + "' is given twice (first at line "
                        + keyLines.get(key) + ")").at(file, keyLine);
            }
            keyLines.put(key, keyLine);
            values.put(key, value(parser.nextToken()));
        }
        return new YamlNode.Mapping(values, keyLines, line);
    }

    private YamlNode sequence(int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(value(t));
        }
        return new YamlNode.Sequence(items, line);
    }
}
