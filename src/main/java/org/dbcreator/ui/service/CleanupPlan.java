package org.dbcreator.ui.service;

import java.util.List;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.PreflightReport;

/**
 * The cleanup the database is waiting for, as its dry run says, before anything is written.
 *
 * @param statements every statement it would run, in order (those an interrupted run did are left out)
 * @param checks the cleanup's pre-flight checks now (the node gate, the privileges, the state)
 */
public record CleanupPlan(String database, Version from, Version to, List<String> statements, PreflightReport checks) {

    public CleanupPlan {
        statements = List.copyOf(statements);
    }
}
