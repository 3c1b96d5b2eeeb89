package org.dbcreator.report;

/**
 * Text from the database made safe to place in HTML, as element content or a quoted attribute:
 * node names and history rows are written by whoever can write to the product database, so
 * markup in them must reach the reader as the characters it is, never as markup.
 */
public final class Html {

    /** Longer text is cut here: one hostile row must not bury the report. */
    public static final int MAX_CHARS = 2000;

    private Html() {}

    /**
     * Escapes {@code & < > " '}; control characters other than tab and newline (which no browser
     * shows and some mishandle) become U+FFFD; text past {@link #MAX_CHARS} is cut and says how
     * much was left out. Null becomes the empty string.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        int end = Math.min(text.length(), MAX_CHARS);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a character in two
        }
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n' -> out.append(ch);
                default -> out.append(isControl(ch) ? '\uFFFD' : ch);
            }
        }
        if (end < text.length()) {
            out.append("… (").append(text.length() - end).append(" more characters)");
        }
        return out.toString();
    }

    /** C0 and C1 controls, DEL, and the line and paragraph separators that break a line unasked. */
    private static boolean isControl(char ch) {
        return ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || ch == '\u2028' || ch == '\u2029';
    }
}
