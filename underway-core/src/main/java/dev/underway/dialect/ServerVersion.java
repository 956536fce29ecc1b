package dev.underway.dialect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server version read at connect time, e.g. 17.6 or 11.4.5-MariaDB. */
public record ServerVersion(int major, int minor, int patch, String text) implements Comparable<ServerVersion> {
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    public static ServerVersion parse(String text) {
        Matcher m = NUMBERS.matcher(text == null ? "" : text);
        if (!m.find()) {
            throw new IllegalArgumentException("not a server version: " + text);
        }
        return new ServerVersion(num(m.group(1)), num(m.group(2)), num(m.group(3)), text);
    }

    private static int num(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }

    public boolean isSameOrAfter(int major, int minor, int patch) {
        return compareTo(new ServerVersion(major, minor, patch, "")) >= 0;
    }

    public boolean isSameOrAfter(int major, int minor) {
        return isSameOrAfter(major, minor, 0);
    }

    @Override
    public int compareTo(ServerVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + (patch > 0 ? "." + patch : "");
    }
}
