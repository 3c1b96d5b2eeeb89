package org.dbcreator.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/** Turns the driver's many ways of failing to connect into one code and a useful sentence. */
final class ConnectionFailures {

    private static final int ACCESS_DENIED = 1045;
    private static final int UNKNOWN_DATABASE = 1049;

    private ConnectionFailures() {}

    static DbCreatorException translate(Throwable failure, ConnectionSettings settings) {
        String where = settings.host() + ":" + settings.port();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ACCESS_DENIED) {
                return new DbCreatorException(ErrorCode.AUTHENTICATION_FAILED,
                        "The server at " + where + " refused user '" + settings.user() + "'.", failure);
            }
            if (t instanceof SQLException sql && sql.getErrorCode() == UNKNOWN_DATABASE) {
                return new DbCreatorException(ErrorCode.DATABASE_NOT_FOUND,
                        "There is no database '" + settings.database() + "' at " + where + ".", failure);
            }
            if (t instanceof UnknownHostException) {
                return new DbCreatorException(ErrorCode.HOST_UNREACHABLE,
                        "The host name '" + settings.host() + "' is unknown.", failure);
            }
            if (t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return new DbCreatorException(ErrorCode.HOST_UNREACHABLE,
                        "No answer from " + where + " in time.", failure);
            }
            if (t instanceof ConnectException) {
                return new DbCreatorException(ErrorCode.CONNECTION_REFUSED,
                        "The connection to " + where + " was refused.", failure);
            }
            if (t instanceof SSLException || isTlsMessage(t.getMessage())) {
                return TlsFailures.explain(t, failure, settings);
            }
        }
        if (failure instanceof DbCreatorException known) {
            return known;
        }
        return new DbCreatorException(ErrorCode.CONNECTION_LOST,
                "Cannot connect to " + where + ": " + sentence(rootMessage(failure)), failure);
    }

    private static boolean isTlsMessage(String message) {
        return message != null && (message.contains("SSL") || message.contains("TLS") || message.contains("certificate"));
    }

    /** The driver's text as one sentence: it ends some messages with a period, some with two, some with none. */
    static String sentence(String text) {
        return text.strip().replaceAll("\\.+$", "") + ".";
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
