package dev.underway.cli;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.Style;

/**
 * Colour for people at a terminal, and none for anyone else: picocli's {@link Ansi#AUTO} decides, as it does for
 * help, so the rules are the usual ones: on when the output is a terminal, off when it is piped or redirected, off
 * with NO_COLOR set, on with CLICOLOR_FORCE. Only words that carry a verdict are coloured.
 */
final class TerminalStyle {
    static final TerminalStyle AUTO = new TerminalStyle(Ansi.AUTO);
    static final TerminalStyle PLAIN = new TerminalStyle(Ansi.OFF);

    private final Ansi ansi;

    TerminalStyle(Ansi ansi) {
        this.ansi = ansi;
    }

    String error(String text) {
        return styled(text, Style.bold, Style.fg_red);
    }

    String warning(String text) {
        return styled(text, Style.fg_yellow);
    }

    String info(String text) {
        return styled(text, Style.fg_cyan);
    }

    String ok(String text) {
        return styled(text, Style.fg_green);
    }

    boolean enabled() {
        return ansi.enabled();
    }

    private String styled(String text, Style... styles) {
        if (!ansi.enabled()) {
            return text;
        }
        StringBuilder s = new StringBuilder();
        for (Style style : styles) {
            s.append(style.on());
        }
        return s.append(text).append(Style.reset.on()).toString();
    }
}
