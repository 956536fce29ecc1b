package dev.underway.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadmeCommandsTest {
    @Test
    void linesAreTakenFromShellBlocksAndInlineSpansAsBashWouldSplitThem() {
        String md = """
                Intro `./underway lint --dialect mysql examples` and `mvn verify`.
                ```bash
                ./underway migrate --url jdbc:postgresql://db/app \\
                    --lock-timeout 2s   # a comment
                mvn -B verify
                ./underway lint --format sarif db/migration > lint.sarif   # for UIs
                ./underway backfill --set "tier = coalesce(plan, 'free')" --where 'a # b'
                ```
                ```sql
                ./underway not a command in a sql block
                ```
                """;
        List<ReadmeCommands.Block> blocks = ReadmeCommands.blocks(md);
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).lines().get(0).words()).containsExactly("./underway", "lint", "--dialect", "mysql",
                "examples");
        List<ReadmeCommands.Line> lines = blocks.get(1).lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).lineNumber()).isEqualTo(3);
        assertThat(lines.get(0).words()).containsExactly("./underway", "migrate", "--url", "jdbc:postgresql://db/app",
                "--lock-timeout", "2s");
        assertThat(lines.get(1).words()).containsExactly("./underway", "lint", "--format", "sarif", "db/migration");
        assertThat(lines.get(1).redirectTo()).isEqualTo("lint.sarif");
        assertThat(lines.get(2).words()).containsExactly("./underway", "backfill", "--set",
                "tier = coalesce(plan, 'free')", "--where", "a # b");
        assertThat(lines.get(1)).hasToString("README.md:6: ./underway lint --format sarif db/migration > lint.sarif");
    }
}
