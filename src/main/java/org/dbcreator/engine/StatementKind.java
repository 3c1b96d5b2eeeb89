package org.dbcreator.engine;

import java.util.Set;
import org.dbcreator.catalog.SqlTokens;

/** How a statement is journaled, decided by its first word. */
enum StatementKind {
    /** Changes rows: runs in one transaction with its journal row, so it is done and recorded or neither. */
    DATA,
    /** Changes the schema and commits implicitly: journaled before and after, judged on resume. */
    SCHEMA,
    /** Sets session state ({@code SET}, {@code USE}): re-run on every resume, never skipped. */
    SESSION;

    private static final Set<String> DATA_VERBS = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE");
    private static final Set<String> SESSION_VERBS = Set.of("SET", "USE");

    private static final Set<String> DDL_VERBS = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE");

    /**
     * True when the server commits the open transaction before running the statement: data
     * definition, except {@code CREATE/DROP TEMPORARY TABLE}. A statement that is not known to do
     * so (CALL, SELECT, ...) needs an explicit commit of its journal row first.
     */
    static boolean commitsBeforeRunning(SqlTokens tokens) {
        return DDL_VERBS.contains(tokens.verb()) && !tokens.is(1, "TEMPORARY");
    }

    static StatementKind of(SqlTokens tokens) {
        String verb = tokens.verb();
        if (DATA_VERBS.contains(verb)) {
            return DATA;
        }
        if (SESSION_VERBS.contains(verb) && !tokens.is(1, "PASSWORD")) {
            return SESSION;
        }
        return SCHEMA;
    }
}
