package org.dbcreator.ui.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.DroppedData;
import org.dbcreator.engine.PreflightReport;
import org.dbcreator.history.AuditEntry;

/**
 * The rollback ("Abort upgrade") the database allows now, as its dry run says, before anything is
 * written.
 *
 * @param from the release the schema is expanded (or was expanding) to
 * @param to the release the rollback returns to (the one the expand started from)
 * @param statements every statement the rollback scripts would run, newest step first
 * @param reason why the rollback may not run now (nodes to restart back first, no rollback script,
 *     the cleanup ran), in the engine's words; empty when it may
 * @param nodesToRestart the live nodes of a newer release that must be restarted on {@code to} first
 * @param backupInstead the backup to restore instead when no rollback is possible, with its age
 * @param checks the rollback's pre-flight checks now
 * @param dataLost what the rollback drops that only the newer release wrote, with its row counts
 *     (nothing the catalog declares kept in sync or restored): running it needs the operator's consent
 * @param excludable nodes of a newer release that keep the way back shut but are gone (stale or
 *     down): each may be excluded, by its name typed, if it is gone for good
 * @param excluded the nodes the operator excluded so far in this window; the rollback records them
 * @param lossAccepted for an interrupted rollback, the consent to {@code dataLost} its run recorded
 *     (who, when): its resume needs no new one
 */
public record RollbackPlan(String database, Version from, Version to, List<String> statements,
        Optional<String> reason, List<String> nodesToRestart, Optional<String> backupInstead, PreflightReport checks,
        List<DroppedData> dataLost, List<String> excludable, Set<String> excluded, Optional<AuditEntry> lossAccepted) {

    public RollbackPlan {
        statements = List.copyOf(statements);
        nodesToRestart = List.copyOf(nodesToRestart);
        dataLost = List.copyOf(dataLost);
        excludable = List.copyOf(excludable);
        excluded = Set.copyOf(excluded);
    }

    /** No consent to data loss recorded for the run. */
    public RollbackPlan(String database, Version from, Version to, List<String> statements, Optional<String> reason,
            List<String> nodesToRestart, Optional<String> backupInstead, PreflightReport checks,
            List<DroppedData> dataLost, List<String> excludable, Set<String> excluded) {
        this(database, from, to, statements, reason, nodesToRestart, backupInstead, checks, dataLost, excludable,
                excluded, Optional.empty());
    }

    /** A plan with no gone node in the way and none excluded. */
    public RollbackPlan(String database, Version from, Version to, List<String> statements, Optional<String> reason,
            List<String> nodesToRestart, Optional<String> backupInstead, PreflightReport checks,
            List<DroppedData> dataLost) {
        this(database, from, to, statements, reason, nodesToRestart, backupInstead, checks, dataLost, List.of(), Set.of());
    }

    /** Whether the rollback may run now. */
    public boolean allowed() {
        return reason.isEmpty();
    }
}
