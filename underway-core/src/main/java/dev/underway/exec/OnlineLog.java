package dev.underway.exec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of online execution events (retries, blockers, killed sessions, reconnects), under
 * the name {@code dev.underway.online}. A holder class, so that SLF4J (and the CLI's logging
 * backend) is only initialised when there is something to log.
 */
final class OnlineLog {
    static final Logger LOG = LoggerFactory.getLogger("dev.underway.online");

    private OnlineLog() {
    }
}
