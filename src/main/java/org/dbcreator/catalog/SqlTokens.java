package org.dbcreator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement as a list of words, for classifying it and finding the objects it names. Plain
 * comments are skipped; the inside of an executable version comment ({@code /*!50003 ...}) is
 * read as code, as the server reads it; quoted names lose their backticks; string literals
 * become one {@code '…'} token; punctuation stands alone. Each token remembers where it stands
 * in the text, so that a finding can name its line and a reader can see the literal it hides.
 */
public final class SqlTokens {

    private final String sql;
    private final List<String> tokens;
    private final List<int[]> spans; // start and end offset of each token in sql
    private final List<Integer> mariaDbComments;

    private SqlTokens(String sql, List<String> tokens, List<int[]> spans, List<Integer> mariaDbComments) {
        this.sql = sql;
        this.tokens = tokens;
        this.spans = spans;
        this.mariaDbComments = mariaDbComments;
    }

    public static SqlTokens of(String sql) {
        List<String> tokens = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        List<Integer> mariaDbComments = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("/*!", i) || sql.startsWith("/*M!", i)) {
                if (sql.charAt(i + 2) == 'M') {
                    mariaDbComments.add(i);
                }
                i += sql.charAt(i + 2) == 'M' ? 4 : 3;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++; // the version number is not code
                }
            } else if (sql.startsWith("*/", i)) {
                i += 2; // end of an executable comment
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '#' || (sql.startsWith("--", i) && (i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2))))) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '`') {
                int end = closing(sql, i, '`');
                i = end + 1;
                add(tokens, spans, sql.substring(start + 1, end).replace("``", "`"), start, i);
            } else if (c == '\'' || c == '"') {
                i = closing(sql, i, c) + 1;
                add(tokens, spans, "'…'", start, i);
            } else if (isWordChar(c)) {
                while (i < n && isWordChar(sql.charAt(i))) {
                    i++;
                }
                add(tokens, spans, sql.substring(start, i), start, i);
            } else {
                i++;
                add(tokens, spans, String.valueOf(c), start, i);
            }
        }
        return new SqlTokens(sql, tokens, spans, List.copyOf(mariaDbComments));
    }

    private static void add(List<String> tokens, List<int[]> spans, String token, int start, int end) {
        tokens.add(token);
        spans.add(new int[] {start, end});
    }

    private static int closing(String sql, int open, char quote) {
        for (int i = open + 1; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i++; // a doubled quote stands for itself
                } else {
                    return i;
                }
            }
        }
        return sql.length() - 1;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    public List<String> list() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    /** The token at {@code index}, or "" past the end, so look-ahead needs no bounds checks. */
    public String at(int index) {
        return index >= 0 && index < tokens.size() ? tokens.get(index) : "";
    }

    /** True when the token at {@code index} is the keyword, in any case. */
    public boolean is(int index, String keyword) {
        return at(index).equalsIgnoreCase(keyword);
    }

    /** Like {@link #is}, but a backticked name is never a keyword: {@code `key`} is a column. */
    public boolean isKeyword(int index, String keyword) {
        return is(index, keyword) && !isQuotedName(index);
    }

    /** True when the token at {@code index} was written in backticks. */
    public boolean isQuotedName(int index) {
        return index >= 0 && index < tokens.size() && sql.charAt(spans.get(index)[0]) == '`';
    }

    /** The token as written, quotes included: the text of a string literal, for instance. */
    public String raw(int index) {
        return index >= 0 && index < tokens.size() ? sql.substring(spans.get(index)[0], spans.get(index)[1]) : "";
    }

    /** The 1-based line of the text on which the token at {@code index} starts (past the end: the last line). */
    public int line(int index) {
        return lineAt(index >= 0 && index < tokens.size() ? spans.get(index)[0] : sql.length());
    }

    /** The lines on which MariaDB-only executable comments ({@code /*M!...}) open: MySQL skips them. */
    public List<Integer> mariaDbCommentLines() {
        return mariaDbComments.stream().map(this::lineAt).toList();
    }

    private int lineAt(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The first word, upper case: SELECT, INSERT, CREATE... */
    public String verb() {
        return at(0).toUpperCase(Locale.ROOT);
    }

    /** The index of the first of {@code keywords} at or after {@code from}, or -1. */
    public int indexOf(String keyword, int from) {
        for (int i = Math.max(0, from); i < tokens.size(); i++) {
            if (tokens.get(i).equalsIgnoreCase(keyword)) {
                return i;
            }
        }
        return -1;
    }
}
