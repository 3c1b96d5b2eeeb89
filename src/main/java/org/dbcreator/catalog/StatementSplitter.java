package org.dbcreator.catalog;

import java.util.ArrayList;
import java.util.List;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Cuts a script into statements the way the mysql/mariadb command-line client does, so a script
 * that runs there runs here: {@code --}, {@code #} and block comments (including the client's
 * {@code --text} comment before a statement), the three quote kinds, and {@code DELIMITER} lines.
 *
 * <p>Statements are returned verbatim from their first token to their delimiter; plain comments
 * before the first token are dropped. Executable comments ({@code /*!50003 ...}, {@code /*M!...})
 * are code for the server: they start or continue a statement, and a delimiter inside one does
 * not end it. The {@code /*M!999999\- ...} line that mariadb-dump writes first is a client
 * command (sandbox mode), not SQL, so it is dropped like a plain comment when it stands before a
 * statement. Backslash escapes are honoured in strings, as with the server's default SQL mode.
 */
public final class StatementSplitter {

    private static final String SANDBOX_COMMAND = "/*M!999999\\-";

    private final String script;
    private final String sourceName;
    private final List<SqlStatement> statements = new ArrayList<>();
    private final List<Integer> dashCommentLines = new ArrayList<>();
    private String delimiter = ";";
    private int pos;
    private int line = 1;
    private int statementStart = -1; // -1 while only whitespace and comments were seen
    private int statementLine;

    private StatementSplitter(String script, String sourceName) {
        this.script = script;
        this.sourceName = sourceName;
        this.pos = script.startsWith("\uFEFF") ? 1 : 0; // a BOM is an editor's mark, not SQL
    }

    /** Splits a script into statements; sourceName (e.g. "4.1.0/expand.sql") is used in error messages. */
    public static List<SqlStatement> split(String script, String sourceName) {
        StatementSplitter splitter = new StatementSplitter(script, sourceName);
        splitter.scan();
        return List.copyOf(splitter.statements);
    }

    /**
     * The lines holding a {@code --text} comment (no space after the dashes) that the client drops
     * but the server, and any other tool, would read as code; dropped here as well.
     */
    public static List<Integer> dashCommentsWithoutSpace(String script, String sourceName) {
        StatementSplitter splitter = new StatementSplitter(script, sourceName);
        splitter.scan();
        return List.copyOf(splitter.dashCommentLines);
    }

    private void scan() {
        int executableCommentLine = 0; // > 0 while inside /*! ... */
        while (pos < script.length()) {
            char c = script.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#' || isServerDashComment()) {
                skipToEndOfLine();
            } else if (statementStart < 0 && script.startsWith("--", pos)) {
                // --text: the client drops the line while no statement is buffered; the server would not
                dashCommentLines.add(line);
                skipToEndOfLine();
            } else if (script.startsWith("/*", pos)) {
                if (executableCommentLine == 0 && isExecutableCommentStart()) {
                    markStatementStart();
                    executableCommentLine = line;
                    pos += script.charAt(pos + 2) == 'M' ? 4 : 3;
                } else {
                    skipBlockComment();
                }
            } else if (executableCommentLine > 0 && script.startsWith("*/", pos)) {
                executableCommentLine = 0;
                pos += 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                markStatementStart();
                skipQuoted(c);
            } else if (executableCommentLine == 0 && script.startsWith(delimiter, pos)) {
                endStatement(pos);
                pos += delimiter.length();
            } else if (statementStart < 0 && isDelimiterCommand()) {
                readDelimiterCommand();
            } else {
                markStatementStart();
                pos++;
            }
        }
        if (executableCommentLine > 0) {
            throw invalid(executableCommentLine, "the executable comment /*! opened here is never closed with */");
        }
        endStatement(script.length()); // the last statement may lack its delimiter
    }

    /** To the server {@code --} opens a comment only when a space or control character follows. */
    private boolean isServerDashComment() {
        return script.startsWith("--", pos) && (pos + 2 >= script.length() || script.charAt(pos + 2) <= ' ');
    }

    private boolean isExecutableCommentStart() {
        boolean executable = script.startsWith("/*!", pos) || script.startsWith("/*M!", pos);
        boolean droppedSandboxLine = statementStart < 0 && script.startsWith(SANDBOX_COMMAND, pos);
        return executable && !droppedSandboxLine;
    }

    private void skipToEndOfLine() {
        int end = script.indexOf('\n', pos);
        pos = end < 0 ? script.length() : end; // the newline itself is counted by scan()
    }

    private void skipBlockComment() {
        int end = script.indexOf("*/", pos + 2);
        if (end < 0) {
            throw invalid(line, "the /* comment opened here is never closed with */");
        }
        countLines(pos, end + 2);
        pos = end + 2;
    }

    private void skipQuoted(char quote) {
        int startLine = line;
        int i = pos + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2; // the escaped character, whatever it is, is part of the string
            } else if (c == quote && i + 1 < script.length() && script.charAt(i + 1) == quote) {
                i += 2; // a doubled quote stands for itself
            } else if (c == quote) {
                countLines(pos, i + 1);
                pos = i + 1;
                return;
            } else {
                i++;
            }
        }
        throw invalid(startLine, "the " + quote + " quote opened here is never closed");
    }

    /** DELIMITER is a client command, recognised as the first word of a statement like the client does. */
    private boolean isDelimiterCommand() {
        int after = pos + "DELIMITER".length();
        return script.regionMatches(true, pos, "DELIMITER", 0, "DELIMITER".length())
                && (after == script.length() || Character.isWhitespace(script.charAt(after)));
    }

    private void readDelimiterCommand() {
        int start = pos + "DELIMITER".length();
        while (start < script.length() && (script.charAt(start) == ' ' || script.charAt(start) == '\t')) {
            start++;
        }
        int end = start;
        while (end < script.length() && !Character.isWhitespace(script.charAt(end))) {
            end++;
        }
        if (end == start) {
            throw invalid(line, "DELIMITER needs the new delimiter on the same line, e.g. DELIMITER $$");
        }
        delimiter = script.substring(start, end);
        pos = end;
        skipToEndOfLine(); // the client ignores anything after the delimiter
    }

    private void markStatementStart() {
        if (statementStart < 0) {
            statementStart = pos;
            statementLine = line;
        }
    }

    private void endStatement(int end) {
        if (statementStart < 0) {
            return; // an empty statement, e.g. a lone ';'
        }
        String sql = script.substring(statementStart, end).strip();
        if (delimiter.equals(";")) {
            RoutineBody.cutShortKind(sql).ifPresent(kind -> {
                throw invalid(statementLine, "this CREATE " + kind + " has a BEGIN ... END body that the ';' inside"
                        + " it cuts short. Wrap it in 'DELIMITER $$' ... '$$' and end with 'DELIMITER ;'.");
            });
        }
        statements.add(new SqlStatement(sql, statementLine));
        statementStart = -1;
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (script.charAt(i) == '\n') {
                line++;
            }
        }
    }

    private DbCreatorException invalid(int atLine, String what) {
        return new DbCreatorException(ErrorCode.SCRIPT_INVALID, sourceName + ":" + atLine + ": " + what);
    }
}
