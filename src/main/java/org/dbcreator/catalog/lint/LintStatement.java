package org.dbcreator.catalog.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dbcreator.catalog.Script;
import org.dbcreator.catalog.SqlStatement;
import org.dbcreator.catalog.SqlTokens;

/**
 * One statement as the lint reads it: its tokens, how deep in parentheses each stands, and the
 * file line of each, so that every finding points at the clause that caused it.
 */
final class LintStatement {

    private static final String[] OBJECT_KINDS = {"TABLE", "INDEX", "VIEW", "PROCEDURE", "FUNCTION", "TRIGGER",
        "EVENT", "SEQUENCE", "DATABASE", "SCHEMA", "USER", "ROLE", "SERVER", "PACKAGE", "TABLESPACE"};

    private final Script script;
    private final SqlStatement statement;
    private final SqlTokens tokens;
    private final int[] depth;

    LintStatement(Script script, SqlStatement statement) {
        this.script = script;
        this.statement = statement;
        this.tokens = SqlTokens.of(statement.sql());
        this.depth = new int[tokens.size()];
        int level = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.at(i).equals(")") && !tokens.isQuotedName(i)) {
                level = Math.max(0, level - 1);
            }
            depth[i] = level; // a parenthesis stands at the level outside it
            if (tokens.at(i).equals("(") && !tokens.isQuotedName(i)) {
                level++;
            }
        }
    }

    int size() {
        return tokens.size();
    }

    String at(int i) {
        return tokens.at(i);
    }

    String upper(int i) {
        return tokens.at(i).toUpperCase(Locale.ROOT);
    }

    /** True when token {@code i} is this keyword, unquoted. */
    boolean is(int i, String keyword) {
        return tokens.isKeyword(i, keyword);
    }

    boolean isAny(int i, String... keywords) {
        for (String keyword : keywords) {
            if (is(i, keyword)) {
                return true;
            }
        }
        return false;
    }

    boolean isQuotedName(int i) {
        return tokens.isQuotedName(i);
    }

    String raw(int i) {
        return tokens.raw(i);
    }

    int depth(int i) {
        return i >= 0 && i < depth.length ? depth[i] : 0;
    }

    /** The file line of token {@code i}. */
    int line(int i) {
        return statement.line() + tokens.line(i) - 1;
    }

    /** The index of the parenthesis that closes the one at {@code open}, or the end. */
    int closing(int open) {
        for (int i = open + 1; i < size(); i++) {
            if (at(i).equals(")") && depth(i) == depth(open) && !isQuotedName(i)) {
                return i;
            }
        }
        return size();
    }

    /** The parts of [from, to) between the commas that stand at the depth of {@code from}. */
    List<int[]> split(int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int start = from;
        for (int i = from; i < to; i++) {
            if (at(i).equals(",") && depth(i) == depth(from) && !isQuotedName(i)) {
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < to) {
            parts.add(new int[] {start, to});
        }
        return parts;
    }

    /** The index just past a possibly qualified name ({@code db.table}) that starts at {@code i}. */
    int nameEnd(int i) {
        return at(i + 1).equals(".") && !isQuotedName(i + 1) ? i + 3 : i + 1;
    }

    /** The unqualified name that starts at {@code i}: {@code table} for {@code db.table}. */
    String name(int i) {
        return at(nameEnd(i) - 1);
    }

    /** The table named at {@code i}: the product's unless qualified with another database's name. */
    TableName table(int i) {
        boolean qualified = nameEnd(i) == i + 3;
        return qualified && !at(i).equals(script.database()) ? new TableName(at(i), at(i + 2)) : TableName.own(name(i));
    }

    /** Skips {@code IF EXISTS} or {@code IF NOT EXISTS} at {@code i}. */
    int skipIfExists(int i) {
        if (is(i, "IF") && is(i + 1, "EXISTS")) {
            return i + 2;
        }
        return is(i, "IF") && is(i + 1, "NOT") && is(i + 2, "EXISTS") ? i + 3 : i;
    }

    /** The value of an option such as {@code ALGORITHM [=] INPLACE} at top level from {@code from} on. */
    Optional<String> option(String name, int from) {
        for (int i = Math.max(0, from); i < size(); i++) {
            if (depth(i) == 0 && is(i, name)) {
                return Optional.of(upper(at(i + 1).equals("=") ? i + 2 : i + 1));
            }
        }
        return Optional.empty();
    }

    /** The index of the first top-level occurrence of the keyword at or after {@code from}, or -1. */
    int find(String keyword, int from) {
        for (int i = Math.max(0, from); i < size(); i++) {
            if (depth(i) == 0 && is(i, keyword)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the word that says what a CREATE, ALTER, DROP or RENAME acts on (TABLE, INDEX,
     * VIEW...), past modifiers such as {@code OR REPLACE}, {@code UNIQUE} or {@code DEFINER=...}; -1
     * for other statements, whose table may well be called event or user.
     */
    int objectKind() {
        if (!isAny(0, "CREATE", "ALTER", "DROP", "RENAME")) {
            return -1;
        }
        for (int i = 1; i < size(); i++) {
            if (depth(i) == 0 && isAny(i, OBJECT_KINDS)) {
                return i;
            }
        }
        return -1;
    }

    /** The file lines on which MariaDB-only executable comments open. */
    List<Integer> mariaDbCommentLines() {
        return tokens.mariaDbCommentLines().stream().map(line -> statement.line() + line - 1).toList();
    }

    Finding findingAtLine(Rule rule, int line, String message, String fix) {
        return new Finding(script.path(), line, rule, message, fix);
    }

    Finding finding(Rule rule, int token, String message) {
        return finding(rule, token, message, rule.fix());
    }

    Finding finding(Rule rule, int token, String message, String fix) {
        return new Finding(script.path(), line(token), rule, message, fix);
    }
}
