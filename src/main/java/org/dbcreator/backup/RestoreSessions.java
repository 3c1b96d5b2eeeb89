package org.dbcreator.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.dbcreator.db.Database;

/**
 * Connections that send a dump's statements byte for byte, like the stock client: the driver
 * encodes ISO-8859-1 (one byte per char, as {@link DumpReader} reads them), and the server reads
 * the bytes in the character set the dump itself sets with SET NAMES; before the dump says
 * anything, utf8mb4, the stock client's default.
 */
final class RestoreSessions {

    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    static final Map<String, String> WRITER_PROPERTIES = Map.of("characterEncoding", "ISO-8859-1");

    private RestoreSessions() {}

    static Connection open(Database target) throws SQLException {
        Connection c = target.dedicatedConnection(WRITER_PROPERTIES);
        try {
            c.setCatalog(target.databaseName()); // before any statement: a statement keeps the database it was made in
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET NAMES utf8mb4");
            // The mode the dump's own header sets, already before it: a stock dump without that header
            // (--compact, --skip-set-charset) is not left to the server's global mode either.
            s.execute("SET SESSION sql_mode = '" + DumpScript.SESSION_SQL_MODE + "'");
            s.execute(target.server().isMariaDb() ? "SET SESSION max_statement_time = 0" : "SET SESSION max_execution_time = 0");
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Runs one statement of the dump exactly as written: no JDBC escape processing. */
    static void run(Statement statement, String sql) throws SQLException {
        statement.execute(sql);
    }

    /**
     * Whether a statement the server refused may simply run again: a deadlock or a lock wait
     * timeout rolls back at most the refused statement's own transaction, which under autocommit is
     * that statement alone, so nothing it wrote stays and nothing before it is lost. Parallel
     * INSERTs into one table meet such conflicts now and then (gap and auto-increment locks).
     */
    static boolean mayRunAgain(Connection c, SQLException e) {
        if (e.getErrorCode() != DEADLOCK && e.getErrorCode() != LOCK_WAIT_TIMEOUT) {
            return false;
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT @@autocommit")) {
            return r.next() && r.getInt(1) == 1;
        } catch (SQLException lost) {
            return false; // the connection is gone: the refusal stands
        }
    }

    static Statement statementOf(Connection c) throws SQLException {
        Statement s = c.createStatement();
        s.setEscapeProcessing(false);
        return s;
    }
}
