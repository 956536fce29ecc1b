package dev.underway.dialect.postgres;

/** COPY's text format: backslash escapes for the characters it gives meaning to, {@code \N} for NULL. */
public final class CopyText {
    private CopyText() {
    }

    public static void append(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}
