package dev.underway.lint;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's rule table lists every rule with its current name and severity, and no rule that does not exist. */
class RulesDocumentedTest {

    @Test
    void everyRuleIsInTheReadmeTable() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        for (Rule r : Rules.all()) {
            assertThat(readme).contains("| " + r.code() + " | " + r.name() + " | " + r.severity().label() + " |");
        }
        long documented = readme.lines().filter(l -> l.matches("\\| (PG|MY|UW)\\d{3} \\| [a-z0-9-]+ \\|.*")).count();
        assertThat(documented).isEqualTo(Rules.all().size());
    }
}
