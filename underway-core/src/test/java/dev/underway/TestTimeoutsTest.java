package dev.underway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The build gives every test a timeout (parent pom, test.junitConfiguration), so a hang fails CI instead of stalling it. */
@ExtendWith(TestTimeoutsTest.Context.class)
class TestTimeoutsTest {
    @Test
    void everyTestHasATimeoutThatAlsoEndsATestStuckInABlockingCall(ExtensionContext context) {
        assertThat(context.getConfigurationParameter("junit.jupiter.execution.timeout.default")).contains("10 m");
        assertThat(context.getConfigurationParameter("junit.jupiter.execution.timeout.thread.mode.default"))
                .contains("SEPARATE_THREAD");
    }

    /** Hands the test its own extension context, which holds the platform's configuration parameters. */
    static final class Context implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ExtensionContext.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context;
        }
    }
}
