package org.dbcreator.engine;

import java.util.Optional;

/**
 * Where an unfinished run stopped: the first statement that never recorded its end.
 *
 * @param statement the statement's number in its script, from 1
 * @param refused true when the server refused it (it runs again once its cause is fixed); false
 *     when the run stopped while it ran (the next run judges its effect)
 * @param serverError the server's message, for a refused statement
 */
public record InterruptedStatement(String script, int line, int statement, boolean refused,
        Optional<String> serverError) {}
