package dev.underway.migration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a backfill stands, saved in the same transaction as each batch: the pass (0 = the
 * sweep, 1.. = catch-up passes), the relation being walked and the last key done in it.
 *
 * @param target  the relation walked now ({@code schema.name}), or null before the first batch
 * @param lastKey the key values of the last row done in {@code target}, as text; null: none yet
 */
public record BackfillCheckpoint(int pass, String target, List<String> lastKey, long rowsDone, long rowsChanged,
                                 long batches) {
    private static final JsonFactory JSON = new JsonFactory();

    public static final BackfillCheckpoint START = new BackfillCheckpoint(0, null, null, 0, 0, 0);

    /** {@code sweep} for pass 0, {@code catch-up pass N} after it: how every output names a pass. */
    public static String passName(int pass) {
        return pass == 0 ? "sweep" : "catch-up pass " + pass;
    }

    /** The key as a JSON array of strings: readable by a DBA, exact for every key type. */
    public static String encode(List<String> key) {
        if (key == null) {
            return null;
        }
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartArray();
            for (String v : key) {
                g.writeString(v);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static List<String> decode(String json) {
        if (json == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("not a key: " + json);
            }
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                values.add(p.getText());
            }
        } catch (IOException e) {
            throw new IllegalStateException("not a key: " + json, e);
        }
        return values;
    }
}
