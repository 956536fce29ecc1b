package dev.underway.migration;

/** A table name with its schema (PostgreSQL) or database (MySQL). */
public record QualifiedName(String schema, String name) {
    public String render(IdentifierQuoting dialect) {
        return dialect.quote(schema) + "." + dialect.quote(name);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
