package org.dbcreator.cli;

/**
 * Text read from the database (node names, history rows, the lock holder, the server's error
 * messages) made safe to print on a terminal: control characters (C0, DEL, C1) and the Unicode
 * bidirectional overrides are shown as escapes, so that a crafted value can neither send escape
 * sequences (clear the screen, move the cursor), nor start a line of its own that looks like the
 * tool's, nor reorder what follows it.
 */
final class Printable {

    private Printable() {}

    /** One line: every control character escaped, line breaks included. */
    static String line(String text) {
        return escape(text, false);
    }

    /** Several lines: as {@link #line}, but a line break stays a line break. */
    static String text(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLineBreaks) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = isUnsafe(c) && !(keepLineBreaks && c == '\n');
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    out.append(escaped(c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String escaped(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c <= 0xFF ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c);
        };
    }
}
