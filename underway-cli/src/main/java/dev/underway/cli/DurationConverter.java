package dev.underway.cli;

import dev.underway.UnderwayException;
import dev.underway.Durations;
import picocli.CommandLine;

import java.time.Duration;

/**
 * Every {@link Duration} option ({@code 500ms}, {@code 2s}, {@code 1m30s}), registered once on the root command line:
 * a value that is not a duration is a usage error that names the option, before any command starts.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (UnderwayException e) {
            // picocli prefixes it with "Invalid value for option '--x': " and exits 2.
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
