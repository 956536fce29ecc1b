package dev.underway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReporterTest {
    private static UnderwayException blocked() {
        return UnderwayException.of(Reason.BLOCKED, "V2__idx.sql:1: gave up. Blocked at the last attempt by pid 4711."
                        + " End the blocking transaction (or let " + Setting.KILL_BLOCKERS_AFTER.ref() + " end it)")
                .at("V2__idx.sql", 1).table("public.users").blockers(List.of("pid 4711 (user app, idle in transaction)"));
    }

    @Test
    void theJsonErrorObjectCarriesTheReasonAndTheDetails() throws Exception {
        JsonNode error = new ObjectMapper().readTree(ErrorReporter.json(blocked())).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(3);
        assertThat(error.get("category").asText()).isEqualTo("lock_timeout");
        assertThat(error.get("reason").asText()).isEqualTo("blocked");
        assertThat(error.get("file").asText()).isEqualTo("V2__idx.sql");
        assertThat(error.get("line").asInt()).isEqualTo(1);
        assertThat(error.get("table").asText()).isEqualTo("public.users");
        assertThat(error.get("blockers")).hasSize(1);
        assertThat(error.get("blockers").get(0).asText()).isEqualTo("pid 4711 (user app, idle in transaction)");
        assertThat(error.get("message").asText()).contains("(or let --kill-blockers-after end it)");

        JsonNode bare = new ObjectMapper().readTree(ErrorReporter.json(UnderwayException.of(Reason.BAD_OPTION, "x")))
                .get("error");
        assertThat(bare.get("reason").asText()).isEqualTo("bad_option");
        assertThat(bare.get("file").isNull()).isTrue();
        assertThat(bare.get("line").isNull()).isTrue();
        assertThat(bare.get("blockers")).isEmpty();
    }

    @Test
    void theCliMessageNamesFlagsAndTheLibraryMessageBuilderMethods() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new UnderwayCommand(java.nio.file.Path.of(".")));
        cli.setErr(new PrintWriter(err));
        int exit = new ErrorReporter().handleExecutionException(blocked(), cli, null);
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("(or let --kill-blockers-after end it)").doesNotContain("{{");
        assertThat(blocked().getMessage()).contains("(or let killBlockersAfter(Duration) end it)")
                .doesNotContain("--kill-blockers-after");
    }
}
