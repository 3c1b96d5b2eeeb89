package org.dbcreator.ui.cleanup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dbcreator.ui.app.Messages;

/**
 * What a cleanup's statements do, in plain words an admin can weigh before an irreversible step:
 * "The column event.level is dropped, with its data." Pure: the same statements give the same
 * lines. A statement it cannot put in words is named by its start, never left out.
 */
public final class CleanupWords {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final String NAME = "`?([\\w$]+)`?";
    private static final Pattern ALTER = Pattern.compile("^\\s*ALTER\\s+TABLE\\s+" + NAME + "\\s+(.*)$", FLAGS);
    private static final Pattern DROP_OBJECT = Pattern.compile(
            "^\\s*DROP\\s+(TABLE|VIEW|TRIGGER|PROCEDURE|FUNCTION|EVENT|INDEX)\\s+(?:IF\\s+EXISTS\\s+)?" + NAME, FLAGS);
    private static final Pattern DML = Pattern.compile("^\\s*(UPDATE|INSERT\\s+INTO|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+" + NAME, FLAGS);
    private static final Pattern SESSION = Pattern.compile("^\\s*SET\\s+", FLAGS);
    private static final Pattern DROP_COLUMN = Pattern.compile("^DROP\\s+(?:COLUMN\\s+)?(?!INDEX|KEY|FOREIGN|PRIMARY|CONSTRAINT|CHECK)" + NAME + "$", FLAGS);
    private static final Pattern DROP_INDEX = Pattern.compile("^DROP\\s+(?:INDEX|KEY)\\s+" + NAME + "$", FLAGS);
    private static final Pattern DROP_FK = Pattern.compile("^DROP\\s+(?:FOREIGN\\s+KEY|CONSTRAINT|CHECK)\\s+" + NAME + "$", FLAGS);
    private static final Pattern NOT_NULL = Pattern.compile("^(?:MODIFY|CHANGE)\\s+(?:COLUMN\\s+)?" + NAME + "\\s.*\\bNOT\\s+NULL\\b.*$", FLAGS);
    private static final Pattern MODIFY = Pattern.compile("^(?:MODIFY|CHANGE)\\s+(?:COLUMN\\s+)?" + NAME + "\\s.*$", FLAGS);
    private static final Pattern UNIQUE = Pattern.compile("^ADD\\s+(?:CONSTRAINT\\s+\\S+\\s+)?UNIQUE\\s+(?:KEY|INDEX)?\\s*\\S*\\s*\\(([^)]*)\\).*$", FLAGS);
    private static final Pattern FOREIGN = Pattern.compile("^ADD\\s+(?:CONSTRAINT\\s+\\S+\\s+)?FOREIGN\\s+KEY\\s*\\S*\\s*\\(([^)]*)\\)\\s*REFERENCES\\s+" + NAME + ".*$", FLAGS);
    private static final Pattern OPTION = Pattern.compile("^(ALGORITHM|LOCK)\\s*=.*$", FLAGS);

    private CleanupWords() {}

    /** One line per change, in the order the statements make them; repeated lines once. */
    public static List<String> of(List<String> statements) {
        return of(statements, "cleanup.words.");
    }

    /**
     * The same, for a rollback's statements: a key under {@code rollback.words.} replaces the
     * cleanup's where the words differ (a NOT NULL a rollback restores is the old release's rule).
     */
    public static List<String> ofRollback(List<String> statements) {
        return of(statements, "rollback.words.");
    }

    private static List<String> of(List<String> statements, String prefix) {
        Set<String> lines = new LinkedHashSet<>();
        for (String sql : statements) {
            lines.addAll(words(sql, prefix));
        }
        return new ArrayList<>(lines);
    }

    private static String say(String prefix, String key, Object... arguments) {
        return Messages.has(prefix + key) ? Messages.get(prefix + key, arguments)
                : Messages.get("cleanup.words." + key, arguments);
    }

    static List<String> words(String sql) {
        return words(sql, "cleanup.words.");
    }

    static List<String> words(String sql, String prefix) {
        String statement = sql.strip().replaceAll(";$", "");
        if (SESSION.matcher(statement).find()) {
            return List.of();
        }
        Matcher m = ALTER.matcher(statement);
        if (m.matches()) {
            String table = m.group(1);
            List<String> lines = new ArrayList<>();
            for (String clause : clauses(m.group(2))) {
                clause(table, clause, prefix).ifPresent(lines::add);
            }
            return lines;
        }
        m = DROP_OBJECT.matcher(statement);
        if (m.find()) {
            return List.of(say(prefix, "drop." + m.group(1).toUpperCase(Locale.ROOT), m.group(2)));
        }
        m = DML.matcher(statement);
        if (m.find()) {
            String verb = m.group(1).toUpperCase(Locale.ROOT).split("\\s+")[0];
            return List.of(say(prefix, "rows." + verb, m.group(2)));
        }
        return List.of(say(prefix, "other", excerpt(statement)));
    }

    private static java.util.Optional<String> clause(String table, String clause, String prefix) {
        Matcher m;
        if (OPTION.matcher(clause).matches()) {
            return java.util.Optional.empty();
        }
        if ((m = DROP_INDEX.matcher(clause)).matches()) {
            return java.util.Optional.of(say(prefix, "dropIndex", table, m.group(1)));
        }
        if ((m = DROP_FK.matcher(clause)).matches()) {
            return java.util.Optional.of(say(prefix, "dropConstraint", table, m.group(1)));
        }
        if ((m = DROP_COLUMN.matcher(clause)).matches()) {
            return java.util.Optional.of(say(prefix, "dropColumn", table + "." + m.group(1)));
        }
        if ((m = NOT_NULL.matcher(clause)).matches()) {
            return java.util.Optional.of(say(prefix, "notNull", table + "." + m.group(1)));
        }
        if ((m = MODIFY.matcher(clause)).matches()) {
            return java.util.Optional.of(say(prefix, "modify", table + "." + m.group(1)));
        }
        if ((m = UNIQUE.matcher(clause)).matches()) {
            return java.util.Optional.of(say(prefix, "unique", table, columns(m.group(1))));
        }
        if ((m = FOREIGN.matcher(clause)).matches()) {
            return java.util.Optional.of(say(prefix, "foreignKey", table, columns(m.group(1)), m.group(2)));
        }
        return java.util.Optional.of(say(prefix, "alter", table, excerpt(clause)));
    }

    /** The clauses of an ALTER TABLE, split at the commas outside parentheses. */
    static List<String> clauses(String body) {
        List<String> clauses = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                clauses.add(body.substring(start, i).strip().replaceAll("\\s+", " "));
                start = i + 1;
            }
        }
        clauses.add(body.substring(start).strip().replaceAll("\\s+", " "));
        return clauses.stream().filter(c -> !c.isEmpty()).toList();
    }

    private static String columns(String list) {
        return String.join(", ", list.replace("`", "").split("\\s*,\\s*"));
    }

    private static String excerpt(String sql) {
        String line = sql.replaceAll("\\s+", " ").strip();
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
