package dev.underway.migration;


import java.util.List;

/**
 * A parsed SQL file: its statements and every directive found in it.
 */
public record SqlScript(List<SqlStatement> statements, List<Directive> directives) {

    public SqlScript {
        statements = List.copyOf(statements);
        directives = List.copyOf(directives);
    }

    public boolean has(String directiveName) {
        return directives.stream().anyMatch(d -> d.name().equals(directiveName));
    }

    public java.util.Optional<Directive> directive(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
