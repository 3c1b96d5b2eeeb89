package org.dbcreator.catalog;

import java.util.List;
import java.util.Optional;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Statements that take over the session's transactions, which the tool needs for itself: it
 * commits each data statement in one transaction with its journal row, and writes that row while
 * the script runs. {@code SET autocommit = 1} would commit the row before the statement it vouches
 * for; {@code LOCK TABLES} shuts the journal out; {@code ROLLBACK} undoes statements the run counts
 * as done. Dump-style scripts use them for load speed only, so they are refused at load, not run.
 */
public final class TransactionControl {

    private TransactionControl() {}

    /** What the statement does to the session's transactions, if it is one of those statements. */
    public static Optional<String> of(SqlStatement statement) {
        SqlTokens t = SqlTokens.of(statement.sql());
        String verb = t.verb();
        boolean control = switch (verb) {
            case "START" -> t.is(1, "TRANSACTION");
            case "BEGIN" -> t.size() == 1 || t.is(1, "WORK");
            case "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "XA" -> true;
            case "LOCK" -> t.is(1, "TABLES") || t.is(1, "TABLE");
            case "UNLOCK" -> t.is(1, "TABLES") || t.is(1, "TABLE");
            case "SET" -> setsAutocommit(t);
            default -> false;
        };
        return control ? Optional.of(String.join(" ", t.list().subList(0, Math.min(3, t.size())))) : Optional.empty();
    }

    /** {@code SET autocommit}, {@code SET @@autocommit}, {@code SET SESSION autocommit}, in any list position. */
    private static boolean setsAutocommit(SqlTokens t) {
        for (int i = 1; i < t.size(); i++) {
            if (t.is(i, "autocommit") && (i == 1 || t.at(i - 1).equals("@") || t.at(i - 1).equals(".")
                    || t.at(i - 1).equals(",") || t.is(i - 1, "SESSION") || t.is(i - 1, "LOCAL"))) {
                return true;
            }
        }
        return false;
    }

    /** Throws SCRIPT_INVALID naming every such statement ({@code file:line: what}) at once. */
    static void refuse(List<String> places) {
        if (!places.isEmpty()) {
            throw new DbCreatorException(ErrorCode.SCRIPT_INVALID, places.size() + " statement"
                    + (places.size() == 1 ? " takes" : "s take") + " over the session's transactions, which the tool"
                    + " keeps for its journal (each statement commits with its own record). Remove them:\n"
                    + String.join("\n", places) + "\n");
        }
    }
}
