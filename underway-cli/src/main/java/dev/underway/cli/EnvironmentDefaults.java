package dev.underway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;
import java.util.Set;

/**
 * The environment variables the CLI reads, one per option: a flag on the command line wins, then the variable, then
 * the option's own default. Deployments pass secrets this way ({@code UNDERWAY_PASSWORD} stays out of {@code ps}).
 * Each option's help says which variable it reads; help never shows the variable's value.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    /** Option name to variable, for every command that has the option. */
    static final Map<String, String> VARIABLES = Map.of(
            "--url", "UNDERWAY_URL",
            "--user", "UNDERWAY_USER",
            "--password", "UNDERWAY_PASSWORD");

    /**
     * Commands that work offline unless their --url is given on the command line: {@code UNDERWAY_URL}, set for
     * migrate, does not make lint a database client.
     */
    static final Set<String> OFFLINE_UNLESS_URL_GIVEN = Set.of("lint");

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String variable = VARIABLES.get(option.longestName());
        if (variable == null || option.longestName().equals("--url")
                && OFFLINE_UNLESS_URL_GIVEN.contains(option.command().name())) {
            return null;
        }
        return environment.get(variable);
    }
}
