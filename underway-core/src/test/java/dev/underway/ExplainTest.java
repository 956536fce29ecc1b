package dev.underway;

import dev.underway.config.ConnectionSettings;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link Underway#explain(Throwable)}: failures from outside Underway's own steps, reported as its own. */
class ExplainTest {
    @Test
    void anUnderwayExceptionIsItself() {
        UnderwayException e = UnderwayException.of(Reason.BAD_OPTION, "x");
        assertThat(Underway.explain(e)).containsSame(e);
    }

    @Test
    void aRefusedConnectionAmongTheCausesNamesTheServerForEachAudience() {
        SQLException refused = catchThrowableOfType(SQLException.class, () -> {
            try (Connection c = new ConnectionSettings("jdbc:postgresql://127.0.0.1:1/app", "app", "hunter2",
                    Duration.ofSeconds(5)).open()) {
                c.isValid(1);
            }
        });
        UnderwayException u = Underway.explain(new IllegalStateException("pool gave up", refused)).orElseThrow();
        assertThat(u.reason()).isEqualTo(Reason.CONNECTION_FAILED);
        assertThat(u.code()).isEqualTo(ErrorCode.USAGE);
        assertThat(u.message(Audience.CLI)).startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/app (")
                .contains("no server listens on 127.0.0.1:1").contains("--url (or UNDERWAY_URL)")
                .doesNotContain("hunter2").doesNotContain("{{");
        assertThat(u.getMessage()).contains("Check the host and port of the URL").doesNotContain("--url");
    }

    @Test
    void aDriversLoginFailureIsAConnectionFailureWithoutTheUrlsPassword() {
        SQLException driver = new SQLException("login failed for jdbc:x://h/app?password=s3cret!", "28P01");
        UnderwayException u = Underway.explain(new RuntimeException(driver)).orElseThrow();
        assertThat(u.reason()).isEqualTo(Reason.CONNECTION_FAILED);
        assertThat(u.getMessage()).isEqualTo("cannot connect: login failed for jdbc:x://h/app?password=***"
                + " [SQLSTATE 28P01]");
    }

    @Test
    void aConnectionLostLaterOrAnyOtherFailureIsNotExplained() {
        assertThat(Underway.explain(new SQLException("terminated", "57P01"))).isEmpty();
        assertThat(Underway.explain(new IllegalStateException("a bug"))).isEmpty();
    }

    @Test
    void whileAStopIsRequestedAnyFailureIsTheInterruptionWithItsMessageRedacted() {
        Interruption.process().request("SIGTERM");
        try {
            UnderwayException u = Underway.explain(new SQLException("cancelled on jdbc:x://u:pw1234@h/db", "57014"))
                    .orElseThrow();
            assertThat(u.reason()).isEqualTo(Reason.INTERRUPTED);
            assertThat(u.getMessage()).isEqualTo("interrupted (SIGTERM): cancelled on jdbc:x://u:***@h/db"
                    + " [SQLSTATE 57014]");
        } finally {
            Interruption.process().clear();
        }
    }
}
