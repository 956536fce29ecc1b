package dev.underway.trace;

import dev.underway.dialect.postgres.PostgresSessionProbe;

import java.sql.Connection;
import java.sql.SQLException;
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
        for (PostgresSessionProbe.Relation r : PostgresSessionProbe.relations(c)) {
            map.put(r.oid(), new Relation(r.oid(), r.name(), r.kind(), r.relfilenode()));
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
