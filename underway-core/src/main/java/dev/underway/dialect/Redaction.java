package dev.underway.dialect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes secrets from text that may reach a log or a message. */
public final class Redaction {
    /** Group 1: what stays; group 2: the secret. */
    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)((?:password|pwd|sslpassword|sslkeypassword)=)([^&;]*)");
    /** {@code //user:password@}: the password runs to the last {@code @} before the path (it may hold an @). */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*):([^/]*)@");
    /** Shorter secrets are not replaced inside other words (a password "e" would take every e out of a message). */
    private static final int SHORTEST_LITERAL = 4;

    private Redaction() {
    }

    /** The URL with any password parameter or {@code user:password@} part replaced by {@code ***}. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String s = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(s).replaceAll("$1:***@");
    }

    /**
     * The secrets a URL carries (the password of {@code user:password@}, {@code password=} parameters).
     * Drivers quote pieces of the URL in their messages ("Incorrect port value : hunter2@host"), so
     * redacting the URL's shape is not enough: its secrets must be taken out wherever they appear.
     */
    public static List<String> secretsIn(String url) {
        List<String> secrets = new ArrayList<>();
        if (url != null) {
            for (Pattern p : List.of(PASSWORD_PARAM, USER_INFO)) {
                Matcher m = p.matcher(url);
                while (m.find()) {
                    secrets.add(m.group(2));
                    try {
                        secrets.add(URLDecoder.decode(m.group(2), StandardCharsets.UTF_8)); // p%40ss is p@ss to the driver
                    } catch (IllegalArgumentException notEncoded) {
                        // taken as it is
                    }
                }
            }
        }
        return secrets;
    }

    /** The text with every given secret and every URL password replaced by {@code ***}. */
    public static String text(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String s = text;
        // Longest first, so that a secret containing another is replaced whole.
        List<String> ordered = secrets.stream().filter(x -> x != null && x.length() >= SHORTEST_LITERAL).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : ordered) {
            s = s.replace(secret, "***");
        }
        return url(s);
    }

    /**
     * A failure's message for a user, without URL passwords: a driver's through {@link #describe(SQLException,
     * Collection)} (with its SQLSTATE), any other's as it is. Use {@code describe} with the connection's secrets
     * where they are at hand.
     */
    public static String message(Throwable e) {
        if (e instanceof SQLException s) {
            return describe(s, List.of());
        }
        return text(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip(), List.of());
    }

    /** A driver's message for {@code e}, without the given secrets, followed by its SQLSTATE. */
    public static String describe(SQLException e, Collection<String> secrets) {
        return describe(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e.getSQLState(), secrets);
    }

    /** {@code message} without the given secrets, followed by the SQLSTATE when there is one. */
    public static String describe(String message, String sqlState, Collection<String> secrets) {
        return text(message.strip(), secrets) + (sqlState == null ? "" : " [SQLSTATE " + sqlState + "]");
    }
}
