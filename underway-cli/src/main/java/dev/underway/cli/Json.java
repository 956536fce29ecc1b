package dev.underway.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.underway.migration.MigrationStatus;
import dev.underway.migration.MigrationVersion;
import dev.underway.report.LatencyStats;

import java.time.Instant;

/**
 * Machine output through Jackson: records in, JSON out, keys in component order. Core records whose components are
 * the documented document are written as they are (mix-ins here only rename or leave out); the others get a small
 * record of the CLI next to the command that prints it. Versions and instants are written as their text.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("underway-cli")
                    .addSerializer(MigrationVersion.class, ToStringSerializer.instance)
                    .addSerializer(Instant.class, ToStringSerializer.instance))
            .addMixIn(LatencyStats.class, StatsOnly.class)
            .addMixIn(MigrationStatus.class, SnakeCase.class)
            .addMixIn(MigrationStatus.Backfill.class, SnakeCase.class);
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    private static final ObjectWriter LINE = MAPPER.writer();

    private Json() {
    }

    /** A document: pretty-printed. */
    static String write(Object value) {
        return write(PRETTY, value);
    }

    /** One JSON object on one line, for JSON-lines event streams. */
    static String line(Object value) {
        return write(LINE, value);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Latency as every output shows it; errors by SQLSTATE are a key of their own where an output has them. */
    @JsonIgnoreProperties("errorsByState")
    private interface StatsOnly {
    }

    /** The keys of {@code status --format json}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private interface SnakeCase {
    }
}
