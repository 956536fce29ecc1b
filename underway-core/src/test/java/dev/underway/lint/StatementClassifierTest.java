package dev.underway.lint;

import dev.underway.dialect.mysql.MySqlDialect;
import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.sql.SqlSyntax;
import dev.underway.sql.StatementSplitter;
import dev.underway.sql.shape.ActionKind;
import dev.underway.sql.shape.AlterAction;
import dev.underway.sql.shape.Modifier;
import dev.underway.sql.shape.StatementClassifier;
import dev.underway.sql.shape.StatementKind;
import dev.underway.sql.shape.StatementShape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Shapes read from statements: what the verdicts are built on. */
class StatementClassifierTest {

    private static StatementShape pg(String sql) {
        return shape(sql, PostgresDialect.SYNTAX, false);
    }

    private static StatementShape my(String sql) {
        return shape(sql, MySqlDialect.SYNTAX, true);
    }

    private static StatementShape shape(String sql, SqlSyntax syntax, boolean mysql) {
        return new StatementClassifier(mysql).classify(new StatementSplitter(syntax).split(sql, "t.sql").statements().get(0));
    }

    @Test
    void createIndexWithModifiersAndQualifiedTable() {
        StatementShape s = pg("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY app.\"Users\" USING btree (lower(email), id)");
        assertThat(s.kind()).isEqualTo(StatementKind.CREATE_INDEX);
        assertThat(s.modifiers()).contains(Modifier.UNIQUE, Modifier.CONCURRENTLY, Modifier.IF_NOT_EXISTS, Modifier.ONLY);
        assertThat(s.table().schema()).isEqualTo("app");
        assertThat(s.table().name()).isEqualTo("Users");
        assertThat(s.names()).containsExactly("i");
        assertThat(s.columns()).containsExactly("expr:email", "id");
    }

    @Test
    void alterTableWithSeveralSubCommands() {
        StatementShape s = pg("ALTER TABLE IF EXISTS t ADD COLUMN a int NOT NULL DEFAULT 0, ALTER COLUMN b TYPE varchar(10) "
                + "USING b::varchar, ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES p (id) NOT VALID, VALIDATE CONSTRAINT x, "
                + "ALTER COLUMN d SET NOT NULL, RENAME COLUMN e TO f");
        assertThat(s.actions()).extracting(AlterAction::kind).containsExactly(ActionKind.ADD_COLUMN,
                ActionKind.ALTER_COLUMN_TYPE, ActionKind.ADD_CONSTRAINT, ActionKind.VALIDATE_CONSTRAINT,
                ActionKind.SET_NOT_NULL, ActionKind.RENAME_COLUMN);
        assertThat(s.actions().get(0).definition().notNull()).isTrue();
        assertThat(s.actions().get(0).definition().defaultExpr()).hasSize(1);
        assertThat(s.actions().get(1).definition().type().name()).isEqualTo("varchar");
        assertThat(s.actions().get(1).definition().type().length()).isEqualTo(10);
        assertThat(s.actions().get(2).constraint().notValid()).isTrue();
        assertThat(s.actions().get(2).constraint().references().name()).isEqualTo("p");
        assertThat(s.references()).extracting(Object::toString).containsExactly("p");
        assertThat(s.actions().get(5).newName()).isEqualTo("f");
    }

    @Test
    void mysqlAlterWithAlgorithmLockAndChange() {
        StatementShape s = my("ALTER TABLE `t` CHANGE COLUMN a b varchar(20) CHARACTER SET latin1 NOT NULL AFTER c, "
                + "ADD INDEX t_b (b), ALGORITHM=INPLACE, LOCK=NONE");
        assertThat(s.options()).containsEntry("ALGORITHM", "INPLACE").containsEntry("LOCK", "NONE");
        AlterAction change = s.actions().get(0);
        assertThat(change.kind()).isEqualTo(ActionKind.ALTER_COLUMN_TYPE);
        assertThat(change.column()).isEqualTo("a");
        assertThat(change.newName()).isEqualTo("b");
        assertThat(change.definition().type().charset()).isEqualTo("latin1");
        assertThat(change.definition().position()).isEqualTo("AFTER c");
        assertThat(s.actions().get(1).kind()).isEqualTo(ActionKind.ADD_INDEX);
    }

    @Test
    void typesAreCanonical() {
        StatementShape s = pg("CREATE TABLE t (a int4, b character varying(5), c timestamp with time zone, d decimal(10,2), e int[])");
        assertThat(s.actions()).extracting(a -> a.definition().type().name())
                .containsExactly("integer", "varchar", "timestamptz", "numeric", "integer");
        assertThat(s.actions().get(4).definition().type().array()).isTrue();
        assertThat(my("CREATE TABLE t (s enum('a','b''c'))").actions().get(0).definition().type().args())
                .containsExactly("a", "b'c");
    }

    @Test
    void whatIsNotUnderstoodIsUnknown() {
        assertThat(pg("FROBNICATE t").kind()).isEqualTo(StatementKind.UNKNOWN);
        assertThat(pg("ALTER TABLE t FROB").actions().get(0).kind()).isEqualTo(ActionKind.UNKNOWN);
        assertThat(pg("WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x").kind()).isEqualTo(StatementKind.UNKNOWN);
        assertThat(pg("DO $$ BEGIN PERFORM 1; END $$").kind()).isEqualTo(StatementKind.PROCEDURAL);
    }

    @Test
    void deleteAndUpdateRememberTheirWhereColumns() {
        StatementShape s = pg("DELETE FROM t WHERE id < 100 AND lower(name) = 'x'");
        assertThat(s.has(Modifier.WHERE)).isTrue();
        assertThat(s.columns()).contains("id", "name").doesNotContain("lower");
        assertThat(pg("UPDATE t SET a = 1").has(Modifier.WHERE)).isFalse();
    }
}
