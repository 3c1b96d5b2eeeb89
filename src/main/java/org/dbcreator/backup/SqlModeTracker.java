package org.dbcreator.backup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the session {@code sql_mode} a dump sets as it runs, to know whether a backslash in a
 * string escapes the next character: it does not under {@code NO_BACKSLASH_ESCAPES}, which a
 * routine created under that mode is replayed with. The stock client learns this from the
 * server's status after each statement; a reader without a server follows the SET statements
 * instead: literals, {@code @@sql_mode} and user variables saved from it, as both our dumps
 * and mysqldump/mariadb-dump write them ({@code /*!50003 SET sql_mode = @saved_sql_mode *}{@code /}).
 */
final class SqlModeTracker {

    private static final Pattern SET = Pattern.compile("^(?:/\\*M?!\\d*)?\\s*SET\\s+(.*?)\\s*(?:\\*/)?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile("^(SESSION\\s+|LOCAL\\s+|@@SESSION\\.|@@LOCAL\\.|@@)?"
            + "(@?[\\w$]+)\\s*:?=\\s*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Map<String, String> variables = new HashMap<>();
    private String mode;
    private boolean backslashEscapes;

    /** @param initialMode the mode the session starts under (the restore's sessions set {@link DumpScript#SESSION_SQL_MODE}) */
    SqlModeTracker(String initialMode) {
        enter(initialMode);
    }

    /** Asked at every backslash of the rows, so it is kept, not computed. */
    boolean backslashEscapes() {
        return backslashEscapes;
    }

    private void enter(String newMode) {
        mode = newMode;
        backslashEscapes = !newMode.toUpperCase(Locale.ROOT).contains("NO_BACKSLASH_ESCAPES");
    }

    /** Takes note of a statement the dump runs; only SET statements change anything. */
    void observe(String sql) {
        if (sql.isEmpty() || (sql.charAt(0) != 'S' && sql.charAt(0) != 's' && sql.charAt(0) != '/')) {
            return; // the rows' INSERT statements, cheaply
        }
        Matcher set = SET.matcher(sql);
        if (!set.matches()) {
            return;
        }
        for (String part : topLevelParts(set.group(1))) {
            Matcher a = ASSIGNMENT.matcher(part.strip());
            if (!a.matches()) {
                continue; // SET NAMES, SET GLOBAL ..., SET TRANSACTION ...
            }
            String name = a.group(2).toLowerCase(Locale.ROOT);
            String value = valueOf(a.group(3).strip());
            if (value == null) {
                continue; // an expression this reader cannot evaluate: keep what it knew
            }
            if (name.startsWith("@")) {
                variables.put(name, value);
            } else if (name.equals("sql_mode")) {
                enter(value);
            }
        }
    }

    private String valueOf(String expression) {
        if (expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
            return expression.substring(1, expression.length() - 1);
        }
        String e = expression.toLowerCase(Locale.ROOT);
        if (e.equals("@@sql_mode") || e.equals("@@session.sql_mode") || e.equals("@@local.sql_mode")) {
            return mode;
        }
        return e.startsWith("@") && !e.startsWith("@@") ? variables.get(e) : null;
    }

    /** Splits at commas outside quotes: a mode literal holds commas of its own. */
    private static List<String> topLevelParts(String text) {
        List<String> parts = new ArrayList<>();
        char quote = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == ',') {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }
}
