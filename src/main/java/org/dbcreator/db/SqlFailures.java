package org.dbcreator.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * What kind of failure an SQL exception is, wherever a statement runs: a lost connection (the
 * operation may be run again and resumes) is told apart from a refusal (the server said no, and
 * the cause must be fixed), so that neither is reported as the other.
 */
public final class SqlFailures {

    private static final int ACCESS_DENIED_TO_DATABASE = 1044;
    private static final int COMMAND_DENIED = 1142;
    private static final int COLUMN_DENIED = 1143;
    private static final int SPECIFIC_PRIVILEGE_NEEDED = 1227;
    private static final int ROUTINE_DENIED = 1370;

    private static final int SERVER_SHUTDOWN = 1053;
    private static final int QUERY_INTERRUPTED = 1317;
    private static final int CONNECTION_KILLED = 1927;
    private static final int SERVER_GONE = 2006;
    private static final int SERVER_LOST = 2013;

    private SqlFailures() {}

    /**
     * True when the connection went away under the statement: killed (1927, or 1317 when a KILL
     * interrupted the statement), the server gone or shut down, SQLSTATE class 08, the driver's
     * communications failure, or a pool's "Connection is closed". Chained causes count too: a
     * driver often wraps the socket's failure.
     */
    public static boolean isConnectionLoss(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && isLostItself(sql)) {
                return true;
            }
            if (t.getClass().getSimpleName().contains("Communications")
                    || (t.getMessage() != null && t.getMessage().contains("Connection is closed"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLostItself(SQLException e) {
        String state = e.getSQLState();
        int code = e.getErrorCode();
        return (state != null && state.startsWith("08"))
                || e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException
                || code == CONNECTION_KILLED || code == QUERY_INTERRUPTED || code == SERVER_SHUTDOWN
                || code == SERVER_GONE || code == SERVER_LOST;
    }

    /** True when the server refused for want of a privilege (on the database, a table, a column, a routine). */
    public static boolean isPrivilegeDenied(SQLException e) {
        int code = e.getErrorCode();
        return code == ACCESS_DENIED_TO_DATABASE || code == COMMAND_DENIED || code == COLUMN_DENIED
                || code == SPECIFIC_PRIVILEGE_NEEDED || code == ROUTINE_DENIED;
    }
}
