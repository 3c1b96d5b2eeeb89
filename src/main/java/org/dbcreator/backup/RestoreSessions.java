package org.dbcreator.backup;

import java.sql.Connection;
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

    static Statement statementOf(Connection c) throws SQLException {
        Statement s = c.createStatement();
        s.setEscapeProcessing(false);
        return s;
    }
}
