package dev.underway.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The user relations of a PostgreSQL database with their storage file numbers, by oid. */
record RelationSnapshot(Map<Long, Relation> byOid) {

    /** One relation: a new {@code relfilenode} after a statement means its data was written anew. */
    record Relation(long oid, String name, char kind, long relfilenode) {
    }

    static RelationSnapshot take(Connection c) throws SQLException {
        Map<Long, Relation> map = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT c.oid, c.relname, c.relkind, c.relfilenode FROM pg_class c JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
                        + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'")) {
            while (rs.next()) {
                map.put(rs.getLong(1), new Relation(rs.getLong(1), rs.getString(2), rs.getString(3).charAt(0), rs.getLong(4)));
            }
        }
        return new RelationSnapshot(map);
    }

    Relation get(long oid) {
        return byOid.get(oid);
    }

    Set<String> names() {
        return byOid.values().stream().map(Relation::name).collect(Collectors.toSet());
    }

    boolean hasName(String name) {
        return byOid.values().stream().anyMatch(r -> r.name().equals(name));
    }
}
