package org.dbcreator.engine;

/**
 * The comment put in front of every statement the tool runs (run id, script, statement number),
 * so that an operator, or a resumed run, can find it in the server's process list.
 */
final class StatementTags {

    private StatementTags() {}

    static String of(String runId, String script, int index) {
        String safeScript = script.replace("*/", "* /");
        return "/* dbcreator run=" + runId + " script=" + safeScript + " statement=" + (index + 1) + " */ ";
    }
}
