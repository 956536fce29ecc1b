package dev.underway;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnderwayExceptionTest {
    /** The documented table (README, "Failure reasons"): a reason moved to another exit code fails here. */
    private static final Map<ErrorCode, List<Reason>> DOCUMENTED = Map.of(
            ErrorCode.USAGE, List.of(Reason.BAD_OPTION, Reason.BAD_FILE, Reason.FILE_ACCESS, Reason.UNSUPPORTED,
                    Reason.CONNECTION_FAILED, Reason.PRIVILEGE_MISSING, Reason.REFUSED_STATEMENT,
                    Reason.REFUSED_OPERATION, Reason.ALREADY_IN_FLIGHT, Reason.NOT_IN_FLIGHT, Reason.WRONG_PHASE,
                    Reason.CONFLICT, Reason.NO_SUCH_OBJECT, Reason.NO_USABLE_KEY, Reason.NOTHING_TO_DO,
                    Reason.CHECKPOINT_EXISTS, Reason.NO_CHECKPOINT),
            ErrorCode.VALIDATION, List.of(Reason.CHECKSUM_CHANGED, Reason.MISSING_FILE, Reason.VERSION_ORDER,
                    Reason.HISTORY_MISMATCH, Reason.ALREADY_APPLIED, Reason.CHECKPOINT_MISMATCH),
            ErrorCode.LOCK_TIMEOUT, List.of(Reason.LOCK_NOT_ACQUIRED, Reason.BLOCKED, Reason.LOCK_WAIT_INTERRUPTED),
            ErrorCode.FAILED, List.of(Reason.STATEMENT_FAILED, Reason.STATEMENT_TIMEOUT, Reason.CONNECTION_LOST,
                    Reason.DATABASE_ERROR, Reason.DATA_CHECK_FAILED, Reason.LINT_FAILED, Reason.IO_FAILED,
                    Reason.CANCELLED),
            ErrorCode.INTERRUPTED, List.of(Reason.INTERRUPTED));

    @Test
    void everyReasonHasItsDocumentedExitCode() {
        Map<Reason, ErrorCode> documented = new EnumMap<>(Reason.class);
        DOCUMENTED.forEach((code, reasons) -> reasons.forEach(r -> documented.put(r, code)));
        assertThat(documented.keySet()).as("every reason is documented").containsExactlyInAnyOrder(Reason.values());
        for (Reason r : Reason.values()) {
            assertThat(UnderwayException.of(r, "x").code()).as(r.name()).isEqualTo(documented.get(r));
        }
    }

    @Test
    void detailsAreRecordedAndKeptWhenTheMessageGrows() {
        UnderwayException e = UnderwayException.of(Reason.BLOCKED, "gave up on V1__a.sql:3")
                .at("V1__a.sql", 3).table("public.users").blockers(List.of("pid 4711 (user app, idle in transaction)"));
        UnderwayException more = e.withMore("\nV1 was rolled back.");
        assertThat(more.reason()).isEqualTo(Reason.BLOCKED);
        assertThat(more.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
        assertThat(more.details()).isEqualTo(new UnderwayException.Details("V1__a.sql", 3, "public.users",
                List.of("pid 4711 (user app, idle in transaction)")));
        assertThat(more.getMessage()).isEqualTo("gave up on V1__a.sql:3\nV1 was rolled back.");
        assertThat(more.getCause()).isSameAs(e);
        assertThat(UnderwayException.of(Reason.BAD_OPTION, "x").details()).isEqualTo(UnderwayException.Details.NONE);
    }

    @Test
    void aRemedyNamesTheSettingTheWayItsReaderKnowsIt() {
        UnderwayException e = UnderwayException.of(Reason.LOCK_NOT_ACQUIRED, "pid 12 is migrating this database."
                + " Wait for it to finish, or raise " + Setting.LOCK_WAIT.ref());
        assertThat(e.message(Audience.CLI)).endsWith("or raise --lock-wait");
        assertThat(e.getMessage()).isEqualTo(e.message(Audience.LIBRARY)).endsWith("or raise lockWait(Duration)");
        assertThat(e.withMore(" (" + Setting.either("--state-schema s", "state(...)") + ")").message(Audience.CLI))
                .endsWith("or raise --lock-wait (--state-schema s)");
        assertThat(Setting.render("no placeholder {at: all}", Audience.CLI)).isEqualTo("no placeholder {at: all}");
        assertThatThrownBy(() -> Setting.either("a}}", "b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSettingsNamedInCoreMessagesHaveBothNames() {
        for (Setting s : Setting.values()) {
            assertThat(s.name(Audience.CLI)).as(s.name()).startsWith("--");
            assertThat(s.name(Audience.LIBRARY)).as(s.name()).doesNotStartWith("-").contains("(");
        }
    }
}
