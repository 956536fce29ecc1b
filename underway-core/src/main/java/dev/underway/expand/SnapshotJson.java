package dev.underway.expand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.op.SchemaSnapshot;

/** Stores a {@link SchemaSnapshot} as JSON with its in-flight migration. */
final class SnapshotJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SnapshotJson() {
    }

    static String write(SchemaSnapshot s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the schema snapshot", e);
        }
    }

    static SchemaSnapshot read(String json, String version) {
        try {
            return MAPPER.readValue(json, SchemaSnapshot.class);
        } catch (JsonProcessingException e) {
            throw UnderwayException.of(Reason.HISTORY_MISMATCH, "the schema snapshot recorded for V" + version + " cannot be read ("
                    + e.getOriginalMessage() + "); was the operations table edited?");
        }
    }
}
