package dev.underway;

import com.zaxxer.hikari.HikariDataSource;
import dev.underway.migration.MigrateResult;
import dev.underway.testkit.ProjectFiles;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's "Embedding" snippet: {@link #migrate} holds it between the markers, and the README must show exactly
 * those lines, so the documented code is the code that compiles and runs here.
 */
class PostgresEmbeddingIT {
    @TempDir
    Path migrations;

    private final TestDatabase db = TestDatabases.postgres();

    static int migrate(DataSource pool, Path migrations) {
        // README:embedding
        try (Underway uw = Underway.builder()
                .dataSource(pool)                   // your pool: Underway borrows from it and never closes it
                .directory(migrations)
                .build()) {
            MigrateResult result = uw.migrate(MigrateOptions.defaults().withComplete(true));
            return result.applied().size();
        } catch (UnderwayException e) {
            if (e.reason() == Reason.LOCK_NOT_ACQUIRED) {
                return 0;                           // another instance is migrating: it applies what is pending
            }
            throw e;                                // e.details(): file, line, table and blockers where known
        }
        // README:end
    }

    @Test
    void theSnippetMigratesWithThePoolAndLeavesItOpen() throws Exception {
        Files.writeString(migrations.resolve("V1__t.sql"), "CREATE TABLE t (id int);");
        try (HikariDataSource pool = pool()) {
            assertThat(migrate(pool, migrations)).isEqualTo(1);
            assertThat(migrate(pool, migrations)).isZero();
            assertThat(pool.isClosed()).isFalse();
        }
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 't'")).isEqualTo(1);
    }

    @Test
    void theSnippetRethrowsOtherReasonsWithWhereTheyHappened() throws Exception {
        Files.writeString(migrations.resolve("V1__bad.sql"), "SELECT 1;\nSELECT 1/0;");
        try (HikariDataSource pool = pool()) {
            assertThatThrownBy(() -> migrate(pool, migrations)).isInstanceOfSatisfying(UnderwayException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.STATEMENT_FAILED);
                assertThat(e.details().file()).endsWith("V1__bad.sql");
                assertThat(e.details().line()).isEqualTo(2);
            });
        }
    }

    @Test
    void theReadmeShowsTheSnippetAsItIsHere() throws Exception {
        String readme = Files.readString(ProjectFiles.root().resolve("README.md"));
        List<String> source = Files.readAllLines(ProjectFiles.root()
                .resolve("underway-core/src/test/java/dev/underway/PostgresEmbeddingIT.java"));
        int from = source.indexOf("        // README:embedding");
        int to = source.indexOf("        // README:end");
        String snippet = source.subList(from + 1, to).stream().map(l -> l.length() > 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n"));
        assertThat(from).isPositive();
        assertThat(readme).contains("```java\n" + snippet + "\n```");
    }

    private HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(db.url());
        pool.setUsername(db.user());
        pool.setPassword(db.password());
        return pool;
    }
}
