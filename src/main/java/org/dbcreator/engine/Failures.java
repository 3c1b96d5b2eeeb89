package org.dbcreator.engine;

import java.sql.SQLException;
import org.dbcreator.db.SqlFailures;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/** Turns SQL exceptions met while applying scripts into the engine's error codes. */
final class Failures {

    private Failures() {}

    static DbCreatorException ofStatement(SQLException e, String script, int line) {
        if (isConnectionLoss(e)) {
            return new DbCreatorException(ErrorCode.CONNECTION_LOST,
                    "The connection was lost while running " + script + ":" + line + ".", e);
        }
        return new DbCreatorException(ErrorCode.STATEMENT_FAILED,
                script + ":" + line + ": the server refused the statement: " + e.getMessage()
                        + " (error " + e.getErrorCode() + ", SQLSTATE " + e.getSQLState() + ").", e);
    }

    static DbCreatorException ofJournal(SQLException e, String script) {
        if (isConnectionLoss(e)) {
            return new DbCreatorException(ErrorCode.CONNECTION_LOST,
                    "The connection was lost while recording progress of " + script + ".", e);
        }
        return new DbCreatorException(ErrorCode.STATEMENT_FAILED,
                "Cannot record progress of " + script + " in the tool's tables: " + e.getMessage() + ".", e);
    }

    private static final int UNKNOWN_DATABASE = 1049;

    /** A failure outside any script: reading state, checking, connecting. */
    static DbCreatorException ofOperation(SQLException e, String user, String database) {
        if (SqlFailures.isPrivilegeDenied(e)) {
            return new DbCreatorException(ErrorCode.INSUFFICIENT_PRIVILEGES, "User '" + user
                    + "' lacks a privilege on database '" + database + "' (" + e.getMessage() + ").", e);
        }
        if (e.getErrorCode() == UNKNOWN_DATABASE) {
            return new DbCreatorException(ErrorCode.DATABASE_NOT_FOUND, "There is no database '" + database + "' on"
                    + " this server.", e);
        }
        if (isConnectionLoss(e)) {
            return new DbCreatorException(ErrorCode.CONNECTION_LOST, "The connection was lost: " + e.getMessage(), e);
        }
        return new DbCreatorException(ErrorCode.INTERNAL, "The server said: " + e.getMessage()
                + " (error " + e.getErrorCode() + ", SQLSTATE " + e.getSQLState() + ").", e);
    }

    /** A killed or lost connection, however the driver words it: see {@link SqlFailures#isConnectionLoss}. */
    static boolean isConnectionLoss(SQLException e) {
        return SqlFailures.isConnectionLoss(e);
    }
}
