package org.dbcreator.backup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what an {@code INSERT INTO t [(columns)] VALUES (...),(...)} statement of a dump holds:
 * its table, its columns when named, and its rows, counted without a server. Statements are in the
 * dump's one-char-per-byte form (see {@link DumpReader}).
 */
record InsertRows(String table, List<String> columns, long rows) {

    /** The statement's table and row count, or empty when it is not a plain INSERT. */
    static Optional<InsertRows> of(String sql) {
        return new Parser(sql).parse(false).map(p -> new InsertRows(p.table, p.columns, p.rows));
    }

    /** Only the table of an INSERT, read from its first words: cheap enough for every statement. */
    static Optional<String> tableOf(String sql) {
        Parser parser = new Parser(sql);
        if (!parser.word("INSERT")) {
            return Optional.empty();
        }
        parser.word("IGNORE");
        return parser.word("INTO") ? Optional.ofNullable(parser.name()) : Optional.empty();
    }

    /** The values of the statement's first row, unquoted; a NULL is null. */
    static List<String> firstRow(String sql) {
        Parser parser = new Parser(sql);
        return parser.parse(true).map(p -> p.firstRow).orElse(List.of());
    }

    private static final class Parser {
        private final String s;
        /**
         * The same text, one byte per char, made when the rows are counted: the loops over every char
         * read it without a call per char (reading only the table's name needs no copy).
         */
        private byte[] b;
        private int i;
        private String table;
        private final List<String> columns = new ArrayList<>();
        private final List<String> firstRow = new ArrayList<>();
        private long rows;

        Parser(String sql) {
            this.s = sql;
        }

        Optional<Parser> parse(boolean keepFirstRow) {
            if (!word("INSERT")) {
                return Optional.empty();
            }
            word("IGNORE");
            if (!word("INTO")) {
                return Optional.empty();
            }
            table = name();
            if (table == null) {
                return Optional.empty();
            }
            skipSpace();
            if (i < s.length() && s.charAt(i) == '(') {
                i++;
                do {
                    String column = name();
                    if (column == null) {
                        return Optional.empty();
                    }
                    columns.add(column);
                    skipSpace();
                } while (i < s.length() && s.charAt(i++) == ',');
            }
            if (!word("VALUES") && !word("VALUE")) {
                return Optional.empty();
            }
            return countRows(keepFirstRow) ? Optional.of(this) : Optional.empty();
        }

        private boolean countRows(boolean keepFirstRow) {
            b = s.getBytes(StandardCharsets.ISO_8859_1);
            while (true) {
                skipSpace();
                if (i >= b.length || b[i] != '(') {
                    return false;
                }
                if (!row(keepFirstRow && rows == 0)) {
                    return false;
                }
                rows++;
                skipSpace();
                if (i >= b.length) {
                    return true;
                }
                if (b[i] != ',') {
                    return s.regionMatches(true, i, "ON DUPLICATE", 0, 12);
                }
                i++;
            }
        }

        /** Skips one parenthesised row, keeping its values if asked to. */
        private boolean row(boolean keep) {
            i++; // (
            int depth = 1;
            StringBuilder value = keep ? new StringBuilder() : null; // only the first row's values are kept
            boolean quoted = false;
            while (i < b.length) {
                char c = (char) (b[i++] & 0xFF);
                if (c == '\'' || c == '"') {
                    quoted = true;
                    int start = i;
                    i = endOfString(c);
                    if (i < 0) {
                        return false;
                    }
                    if (keep) {
                        value.append(unescape(s.substring(start, i - 1)));
                    }
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    addValue(keep, value, quoted);
                    return true;
                } else if (c == ',' && depth == 1) {
                    addValue(keep, value, quoted);
                    if (keep) {
                        value.setLength(0);
                    }
                    quoted = false;
                } else if (keep && !Character.isWhitespace(c)) {
                    value.append(c);
                }
            }
            return false;
        }

        private void addValue(boolean keep, StringBuilder value, boolean quoted) {
            if (keep) {
                String text = value.toString();
                firstRow.add(!quoted && text.equalsIgnoreCase("NULL") ? null : utf8(text));
            }
        }

        /** The index just past the closing quote, or -1 when the string never ends. */
        private int endOfString(char quote) {
            byte q = (byte) quote;
            int j = i;
            while (j < b.length) {
                byte c = b[j];
                if (c == '\\') {
                    j += 2;
                } else if (c == q && j + 1 < b.length && b[j + 1] == q) {
                    j += 2;
                } else if (c == q) {
                    return j + 1;
                } else {
                    j++;
                }
            }
            return -1;
        }

        private String name() {
            skipSpace();
            if (i >= s.length()) {
                return null;
            }
            if (s.charAt(i) == '`') {
                StringBuilder name = new StringBuilder();
                for (i++; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '`' && i + 1 < s.length() && s.charAt(i + 1) == '`') {
                        name.append('`');
                        i++;
                    } else if (c == '`') {
                        i++;
                        return utf8(name.toString());
                    } else {
                        name.append(c);
                    }
                }
                return null;
            }
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                i++;
            }
            return i == start ? null : utf8(s.substring(start, i));
        }

        private boolean word(String w) {
            skipSpace();
            if (s.regionMatches(true, i, w, 0, w.length())
                    && (i + w.length() == s.length() || !Character.isLetterOrDigit(s.charAt(i + w.length())))) {
                i += w.length();
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\' && k + 1 < text.length()) {
                char e = text.charAt(++k);
                out.append(switch (e) {
                    case '0' -> '\0';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'Z' -> (char) 0x1A;
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Dump text is one char per byte; names and values are UTF-8. */
    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
