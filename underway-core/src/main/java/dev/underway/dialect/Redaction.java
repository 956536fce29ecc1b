package dev.underway.dialect;

import java.util.regex.Pattern;

/** Removes secrets from text that may reach a log or a message. */
public final class Redaction {
    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)((?:password|pwd|sslpassword|sslkeypassword)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*):[^/@]*@");

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
}
