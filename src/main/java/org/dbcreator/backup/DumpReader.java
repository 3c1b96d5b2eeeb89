package org.dbcreator.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Reads a dump one statement at a time, the way the mysql/mariadb client cuts it, in memory that
 * stays flat however large the file: {@code --}, {@code #} and block comments, the three quote
 * kinds (a backslash escapes unless the dump has set {@code NO_BACKSLASH_ESCAPES}, see
 * {@link SqlModeTracker}), executable comments and {@code DELIMITER} lines. The rules are those of
 * {@link org.dbcreator.catalog.StatementSplitter}, which needs the whole script in memory.
 *
 * <p>Bytes are read as ISO-8859-1, one char per byte, so a statement is the dump's exact bytes:
 * a stock dump may hold raw binary strings that are not UTF-8, and the client sends them as they
 * are. Send the statements over a connection that encodes ISO-8859-1 (see {@link RestoreSessions}).
 * The reader works on the bytes themselves and makes a statement's text from them in one copy: a
 * char per byte, widened and then narrowed again, was half of the reader's time.
 */
final class DumpReader {

    private static final String SANDBOX_COMMAND = "/*M!999999\\-";
    private static final int DEFAULT_BUFFER = 1 << 16;
    /** A fact line longer than this is cut, so that it no longer parses: memory stays bounded on any file. */
    static final int LONGEST_COMMENT = 1 << 20;

    private final InputStream in;
    private final String sourceName;
    private final int readSize;
    private final byte[] buf;
    private final ByteSink sql = new ByteSink(1 << 12);
    private int pos;
    private int limit;
    private boolean eof;
    private String delimiter = ";";
    private long line = 1;
    private String lastComment = "";
    private int depth; // parentheses open in the current statement, outside quotes and comments
    private boolean unbalanced;
    private Consumer<String> comments = c -> {};
    private boolean wholeComments;
    private final SqlModeTracker sqlMode = new SqlModeTracker(DumpScript.SESSION_SQL_MODE);

    DumpReader(InputStream in, String sourceName) {
        this(in, sourceName, DEFAULT_BUFFER);
    }

    /** @param bufferSize small sizes let tests cross every buffer boundary */
    DumpReader(InputStream in, String sourceName, int bufferSize) {
        this.in = in;
        this.sourceName = sourceName;
        this.readSize = bufferSize;
        this.buf = new byte[bufferSize + 256]; // room for the longest look-ahead (a delimiter) past a full read
    }

    /**
     * Hands every {@code --} comment line outside a statement to {@code listener}, whole (up to
     * {@link #LONGEST_COMMENT} chars), without its {@code --}: the dump's header and trailer state
     * facts in such lines (see {@link DumpFacts}).
     */
    DumpReader onComment(Consumer<String> listener) {
        this.comments = listener;
        this.wholeComments = true;
        return this;
    }

    /** Whether the parentheses of the last statement returned, outside quotes and comments, match. */
    boolean balanced() {
        return depth == 0 && !unbalanced;
    }

    /** The text of the last {@code --} comment line outside a statement, e.g. "Dump completed on ...". */
    String lastComment() {
        return lastComment;
    }

    /** The next statement without its delimiter, or null at the end of the dump. */
    DumpStatement next() throws IOException {
        if (line == 1 && pos == 0 && limit == 0 && startsWith("\u00EF\u00BB\u00BF")) {
            pos += 3; // a UTF-8 byte order mark is an editor's mark, not SQL
        }
        if (!skipToStatement()) {
            return null;
        }
        sql.reset();
        depth = 0;
        unbalanced = false;
        long startLine = line;
        long executableLine = 0; // > 0 while inside /*! ... */
        while (ensure(1)) {
            char c = at(pos);
            if (c == '\'' || c == '"' || c == '`') {
                copyQuoted(c);
            } else if (c == '\n') {
                line++;
                sql.append((byte) c);
                pos++;
            } else if (isLineCommentStart(false)) {
                copyToEndOfLine();
            } else if (startsWith("/*")) {
                if (executableLine == 0 && isExecutableCommentStart(false)) {
                    executableLine = line;
                    int opener = startsWith("/*M") ? 4 : 3;
                    sql.append(buf, pos, opener);
                    pos += opener;
                } else {
                    copyBlockComment();
                }
            } else if (executableLine > 0 && startsWith("*/")) {
                executableLine = 0;
                appendAscii("*/");
                pos += 2;
            } else if (executableLine == 0 && startsWith(delimiter)) {
                pos += delimiter.length();
                return statement(startLine);
            } else {
                copyPlainRun();
            }
        }
        if (executableLine > 0) {
            throw damaged(executableLine, "the executable comment /*! opened here is never closed with */");
        }
        return statement(startLine); // the last statement may lack its delimiter
    }

    private DumpStatement statement(long startLine) {
        int end = sql.size();
        while (end > 0 && Character.isWhitespace((char) (sql.array()[end - 1] & 0xff))) {
            end--;
        }
        String text = new String(sql.array(), 0, end, StandardCharsets.ISO_8859_1);
        sqlMode.observe(text);
        return new DumpStatement(text, startLine);
    }

    /** Skips whitespace, comments, empty statements and DELIMITER commands; false at the end. */
    private boolean skipToStatement() throws IOException {
        while (ensure(1)) {
            char c = at(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (isLineCommentStart(true)) {
                readTopLevelComment();
            } else if (startsWith("/*") && !isExecutableCommentStart(true)) {
                skipBlockComment();
            } else if (startsWith(delimiter)) {
                pos += delimiter.length(); // an empty statement, e.g. a lone ';'
            } else if (isDelimiterCommand()) {
                readDelimiterCommand();
            } else {
                return true;
            }
        }
        return false;
    }

    /**
     * Inside a statement {@code --} only opens a comment when followed by a space or control
     * character, as in MySQL; before one the client drops a {@code --text} line as well.
     */
    private boolean isLineCommentStart(boolean beforeStatement) throws IOException {
        if (buf[pos] == '#') {
            return true;
        }
        if (buf[pos] != '-' || !ensure(2) || buf[pos + 1] != '-') {
            return false;
        }
        return beforeStatement || !ensure(3) || at(pos + 2) <= ' ';
    }

    /** The sandbox line of mariadb-dump is a client command, not SQL: dropped before a statement. */
    private boolean isExecutableCommentStart(boolean beforeStatement) throws IOException {
        boolean executable = startsWith("/*!") || startsWith("/*M!");
        return executable && !(beforeStatement && startsWith(SANDBOX_COMMAND));
    }

    private boolean isDelimiterCommand() throws IOException {
        if (!ensure(9)) {
            return false;
        }
        for (int i = 0; i < 9; i++) {
            if (Character.toUpperCase(at(pos + i)) != "DELIMITER".charAt(i)) {
                return false;
            }
        }
        return !ensure(10) || Character.isWhitespace(at(pos + 9));
    }

    private void readDelimiterCommand() throws IOException {
        pos += 9;
        while (ensure(1) && (buf[pos] == ' ' || buf[pos] == '\t')) {
            pos++;
        }
        StringBuilder word = new StringBuilder();
        while (ensure(1) && !Character.isWhitespace(at(pos))) {
            word.append(at(pos++));
        }
        if (word.isEmpty()) {
            throw damaged(line, "DELIMITER needs the new delimiter on the same line");
        }
        delimiter = word.toString();
        skipToEndOfLine(); // the client ignores anything after the delimiter
    }

    private void readTopLevelComment() throws IOException {
        StringBuilder text = new StringBuilder();
        int keep = wholeComments ? LONGEST_COMMENT : 200;
        while (ensure(1) && buf[pos] != '\n') {
            if (text.length() < keep) {
                text.append(at(pos));
            }
            pos++;
        }
        String comment = text.toString();
        String stripped = comment.startsWith("--") ? comment.substring(2).strip() : comment.substring(1).strip();
        lastComment = stripped.length() <= 200 ? stripped : stripped.substring(0, 200);
        comments.accept(stripped);
    }

    private void skipToEndOfLine() throws IOException {
        while (ensure(1) && buf[pos] != '\n') {
            pos++;
        }
    }

    private void copyToEndOfLine() throws IOException {
        while (ensure(1) && buf[pos] != '\n') {
            sql.append(buf[pos++]);
        }
    }

    private void skipBlockComment() throws IOException {
        long startLine = line;
        pos += 2;
        while (ensure(2) || limit - pos == 1) {
            if (limit - pos >= 2 && buf[pos] == '*' && buf[pos + 1] == '/') {
                pos += 2;
                return;
            }
            if (buf[pos++] == '\n') {
                line++;
            }
        }
        throw damaged(startLine, "the /* comment opened here is never closed with */");
    }

    private void copyBlockComment() throws IOException {
        long startLine = line;
        appendAscii("/*");
        pos += 2;
        while (ensure(2) || limit - pos == 1) {
            if (limit - pos >= 2 && buf[pos] == '*' && buf[pos + 1] == '/') {
                appendAscii("*/");
                pos += 2;
                return;
            }
            byte c = buf[pos++];
            if (c == '\n') {
                line++;
            }
            sql.append(c);
        }
        throw damaged(startLine, "the /* comment opened here is never closed with */");
    }

    /** Copies a quoted string, name or identifier whole; a delimiter inside it is just text. */
    private void copyQuoted(char quote) throws IOException {
        long startLine = line;
        byte q = (byte) quote;
        sql.append(q);
        pos++;
        while (true) {
            if (!ensure(1)) {
                throw damaged(startLine, "the " + quote + " quote opened here is never closed");
            }
            int run = pos;
            while (run < limit && buf[run] != q && buf[run] != '\\' && buf[run] != '\n') {
                run++;
            }
            sql.append(buf, pos, run - pos);
            pos = run;
            if (pos == limit) {
                continue;
            }
            byte c = buf[pos];
            if (c == '\n') {
                line++;
                sql.append(c);
                pos++;
            } else if (c == '\\' && quote != '`' && sqlMode.backslashEscapes()) {
                if (!ensure(2)) {
                    throw damaged(startLine, "the " + quote + " quote opened here is never closed");
                }
                if (buf[pos + 1] == '\n') {
                    line++;
                }
                sql.append(c).append(buf[pos + 1]); // the escaped character, whatever it is
                pos += 2;
            } else if (c == '\\') {
                sql.append(c);
                pos++;
            } else if (ensure(2) && buf[pos + 1] == q) {
                sql.append(q).append(q); // a doubled quote stands for itself
                pos += 2;
            } else {
                sql.append(q);
                pos++;
                return;
            }
        }
    }

    /** Copies ordinary characters up to the next one that may mean something. */
    private void copyPlainRun() {
        byte first = (byte) delimiter.charAt(0); // a char of the dump: one byte
        int run = pos + 1; // the current char is ordinary, or the caller would have handled it
        while (run < limit) {
            byte c = buf[run];
            if (c == '\'' || c == '"' || c == '`' || c == '\n' || c == '-' || c == '#' || c == '/' || c == '*'
                    || c == first) {
                break;
            }
            run++;
        }
        for (int i = pos; i < run; i++) {
            if (buf[i] == '(') {
                depth++;
            } else if (buf[i] == ')' && --depth < 0) {
                unbalanced = true;
            }
        }
        sql.append(buf, pos, run - pos);
        pos = run;
    }

    private boolean startsWith(String text) throws IOException {
        if (!ensure(text.length())) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (at(pos + i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Makes at least {@code n} chars available from {@code pos}; false when the dump ends first. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (eof) {
                return false;
            }
            int kept = limit - pos;
            System.arraycopy(buf, pos, buf, 0, kept);
            pos = 0;
            limit = kept;
            int room = Math.min(readSize, buf.length - limit);
            int read = in.read(buf, limit, room);
            if (read < 0) {
                eof = true;
                return limit - pos >= n;
            }
            limit += read;
        }
        return true;
    }

    /** The dump's byte at {@code i} as the char it stands for (ISO-8859-1). */
    private char at(int i) {
        return (char) (buf[i] & 0xff);
    }

    /** Appends text known to be ASCII, e.g. the comment marks. */
    private void appendAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            sql.append((byte) text.charAt(i));
        }
    }

    private DbCreatorException damaged(long atLine, String what) {
        return new DbCreatorException(ErrorCode.BACKUP_DAMAGED, sourceName + ":" + atLine + ": " + what
                + "; the dump is cut short or damaged.");
    }
}
