package org.dbcreator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Every script's statements checked once when the catalog loads: what leaves the product's
 * database ({@link DatabaseScope}), what takes over the session's transactions
 * ({@link TransactionControl}), and the first place that names the product's own database.
 *
 * @param refusals each place that leaves the database, as {@code file:line: what}
 * @param transactionControl each place that takes over the session's transactions, as {@code file:line: what}
 * @param ownNameAt the first place, as {@code file:line}, that qualifies a name with the product's database name
 */
record CatalogScope(List<String> refusals, List<String> transactionControl, Optional<String> ownNameAt) {

    static CatalogScope of(List<Script> scripts, String ownDatabase) {
        DatabaseScope scope = new DatabaseScope(ownDatabase);
        List<String> refusals = new ArrayList<>();
        List<String> transactionControl = new ArrayList<>();
        Optional<String> ownNameAt = Optional.empty();
        for (Script script : scripts) {
            for (SqlStatement statement : statementsOf(script)) {
                TransactionControl.of(statement).ifPresent(what -> transactionControl.add(script.location() + ":"
                        + statement.line() + ": " + what));
                for (ScopeFinding finding : scope.check(statement)) {
                    String place = script.location() + ":" + finding.line();
                    if (finding.leavesDatabase()) {
                        refusals.add(place + ": " + finding.what());
                    } else if (ownNameAt.isEmpty()) {
                        ownNameAt = Optional.of(place);
                    }
                }
            }
        }
        return new CatalogScope(refusals, transactionControl, ownNameAt);
    }

    /** Throws SCRIPT_LEAVES_DATABASE naming every place at once, so the author fixes them in one pass. */
    void requireInDatabase(String ownDatabase) {
        if (!refusals.isEmpty()) {
            throw new DbCreatorException(ErrorCode.SCRIPT_LEAVES_DATABASE, refusals.size() + " statement"
                    + (refusals.size() == 1 ? " reaches" : "s reach") + " outside the product's database '"
                    + ownDatabase + "':\n" + String.join("\n", refusals) + "\n");
        }
    }

    /**
     * A script the splitter refuses is not judged here: it cannot run, and the splitter's own error
     * names its line when it would.
     */
    private static List<SqlStatement> statementsOf(Script script) {
        try {
            return script.statements();
        } catch (DbCreatorException e) {
            if (e.code() != ErrorCode.SCRIPT_INVALID) {
                throw e;
            }
            return List.of();
        }
    }
}
