package dev.underway.lint.fix;

import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Dialects;
import dev.underway.dialect.ServerVersion;
import dev.underway.lint.LintInput;
import dev.underway.lint.Linter;
import dev.underway.report.FixedFile;
import dev.underway.report.LintOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code lint --fix} writes and says, without a database (FixIT applies the results to one). */
class FixerTest {
    private static final Dialect PG = Dialects.offline(DatabaseKind.POSTGRESQL, ServerVersion.parse("17"));
    private static final String SETUP = "CREATE TABLE users (id bigint PRIMARY KEY, score int, email text);\n";

    @TempDir
    Path dir;

    private FixedFile fix(String migration) throws Exception {
        Files.writeString(dir.resolve("V1__setup.sql"), SETUP);
        Files.writeString(dir.resolve("V2__change.sql"), migration);
        List<FixedFile> fixed = new Fixer(new Linter(PG, LintOptions.DEFAULT)).fix(LintInput.load(dir, "", PG.syntax()));
        return fixed.get(1);
    }

    @Test
    void anUnnamedIndexGetsPostgresDefaultNameSoMigrateAcceptsTheConcurrentBuild() throws Exception {
        FixedFile f = fix("CREATE INDEX ON Users (Score);\n");
        assertThat(f.text()).contains("CREATE INDEX CONCURRENTLY \"users_score_idx\" ON Users (Score);");
        assertThat(f.notes()).singleElement().asString()
                .contains("PG101 fixed: CREATE INDEX now builds CONCURRENTLY and is named users_score_idx");
    }

    @Test
    void anUnnamedConcurrentBuildIsNamed() throws Exception {
        FixedFile f = fix("-- underway:no-transaction\nCREATE INDEX CONCURRENTLY ON users (lower(email));\n");
        assertThat(f.text()).isEqualTo("-- underway:no-transaction\n"
                + "CREATE INDEX CONCURRENTLY \"users_lower_idx\" ON users (lower(email));\n");
        assertThat(new Linter(PG, LintOptions.DEFAULT).lint(List.of(
                new LintInput("V2", new dev.underway.sql.StatementSplitter(PG.syntax()).split(f.text(), "V2"))))
                .findings()).isEmpty();
    }

    @Test
    void statementsInsideTheFilesOwnTransactionBlockAreLeftAloneAndSaidSo() throws Exception {
        String migration = "BEGIN;\nCREATE INDEX users_email ON users (email);\nALTER TABLE users ADD COLUMN x int;\nCOMMIT;\n";
        FixedFile f = fix(migration);
        assertThat(f.changed()).isFalse();
        assertThat(f.notes()).hasSize(2);
        assertThat(f.notes().get(0)).asString().startsWith("V2__change.sql:1: UW005 not fixed automatically");
        assertThat(f.notes().get(1)).asString().startsWith("V2__change.sql:2: PG101 not fixed: the statement is"
                + " inside the file's BEGIN ... COMMIT block");
    }

    @Test
    void aStatementWithSeveralSubCommandsSaysWhyItIsNotFixed() throws Exception {
        FixedFile f = fix("ALTER TABLE users ADD CONSTRAINT c CHECK (score > 0), ADD COLUMN x int;\n");
        assertThat(f.changed()).isFalse();
        assertThat(f.notes()).singleElement().asString()
                .contains("PG105 not fixed automatically: lint --fix rewrites an ALTER TABLE with one sub-command only,"
                        + " and this one has 2; split it")
                .endsWith("for an ALTER TABLE whose only sub-command adds the constraint.");
    }
}
