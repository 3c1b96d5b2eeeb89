package org.dbcreator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement as a list of words, for classifying it and finding the objects it names. Plain
 * comments are skipped; the inside of an executable version comment ({@code /*!50003 ...}) is
 * read as code, as the server reads it; quoted names lose their backticks; string literals
 * become one {@code '…'} token; punctuation stands alone.
 */
public final class SqlTokens {

    private final List<String> tokens;

    private SqlTokens(List<String> tokens) {
        this.tokens = tokens;
    }

    public static SqlTokens of(String sql) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("/*!", i) || sql.startsWith("/*M!", i)) {
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
                tokens.add(sql.substring(i + 1, end).replace("``", "`"));
                i = end + 1;
            } else if (c == '\'' || c == '"') {
                i = closing(sql, i, c) + 1;
                tokens.add("'…'");
            } else if (isWordChar(c)) {
                int start = i;
                while (i < n && isWordChar(sql.charAt(i))) {
                    i++;
                }
                tokens.add(sql.substring(start, i));
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return new SqlTokens(tokens);
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
