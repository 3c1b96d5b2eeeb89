package org.dbcreator.engine;

/**
 * Who runs what: the identity every journal and history row of one run carries.
 *
 * @param runId the run's id; an interrupted run keeps its id when resumed
 * @param operation DEPLOY, UPGRADE or CLEANUP
 * @param installedBy database account and operating-system user, for the history
 */
record RunContext(String runId, String operation, String database, String installedBy) {

    /** False for a fresh deploy: no product node runs against the database yet. */
    boolean nodesMayRun() {
        return !operation.equals("DEPLOY");
    }

    /** The comment put in front of each statement so that it can be found in the process list. */
    String tag(String script, int index) {
        return StatementTags.of(runId, script, index);
    }
}
