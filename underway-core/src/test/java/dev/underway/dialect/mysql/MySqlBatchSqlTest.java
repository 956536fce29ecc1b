package dev.underway.dialect.mysql;

import dev.underway.dialect.BatchSql;
import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialects;
import dev.underway.dialect.ServerVersion;
import dev.underway.migration.TableColumn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlBatchSqlTest {
    private static final TableColumn A = new TableColumn("a", "int", TableColumn.KeyKind.INTEGER, true, true);
    private static final TableColumn B = new TableColumn("b", "varchar(10)", TableColumn.KeyKind.TEXT, true, true);
    private static final TableColumn C = new TableColumn("c", "int", TableColumn.KeyKind.INTEGER, true, true);

    private final BatchSql sql = Dialects.offline(DatabaseKind.MARIADB, ServerVersion.parse("11.4.5")).batches();

    @Test
    void compositeRangesAreSpelledOutSoTheIndexIsUsed() {
        BatchSql.Condition after = sql.keyAfter(List.of(A, B, C));
        assertThat(after.sql()).isEqualTo("`a` >= ? AND ((`a` > ?) OR (`a` = ? AND `b` > ?)"
                + " OR (`a` = ? AND `b` = ? AND `c` > ?))");
        assertThat(after.keyIndexes()).containsExactly(0, 0, 0, 1, 0, 1, 2);
        BatchSql.Condition atMost = sql.keyAtMost(List.of(A, B));
        assertThat(atMost.sql()).isEqualTo("`a` <= ? AND ((`a` < ?) OR (`a` = ? AND `b` <= ?))");
        assertThat(atMost.keyIndexes()).containsExactly(0, 0, 0, 1);
    }

    @Test
    void singleColumnKeysStayPlain() {
        assertThat(sql.keyAfter(List.of(A)).sql()).isEqualTo("`a` > ?");
        assertThat(sql.keyAtMost(List.of(A)).sql()).isEqualTo("`a` <= ?");
    }
}
