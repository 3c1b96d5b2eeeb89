package org.dbcreator.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Version;
import org.dbcreator.history.AuditEntry;

/**
 * What an expand ({@code upgrade}) or a cleanup did, or, for a dry run, would do.
 *
 * @param from the release the schema was fully at when the operation began
 * @param to the release the operation went to
 * @param applied scripts and migrations applied by this run
 * @param skipped scripts and migrations found applied before (by an interrupted run)
 * @param preview for a dry run, every statement that would run
 * @param droppedData for a rollback, the tables and columns it drops (or, run, dropped) that hold
 *     data only the newer release wrote, with their rows; empty for every other operation
 * @param lossAccepted for the resume of an interrupted rollback, the acceptance of its data loss
 *     recorded for its run (who, when), which it goes on with; empty otherwise
 */
public record UpgradeResult(
        String database,
        OperationKind operation,
        Version from,
        Version to,
        Outcome outcome,
        int applied,
        int skipped,
        Duration duration,
        PreflightReport checks,
        Optional<PlanPreview> preview,
        List<DroppedData> droppedData,
        Optional<AuditEntry> lossAccepted) {

    public UpgradeResult {
        droppedData = List.copyOf(droppedData);
    }

    /** No acceptance of data loss recorded for the run. */
    public UpgradeResult(String database, OperationKind operation, Version from, Version to, Outcome outcome,
            int applied, int skipped, Duration duration, PreflightReport checks, Optional<PlanPreview> preview,
            List<DroppedData> droppedData) {
        this(database, operation, from, to, outcome, applied, skipped, duration, checks, preview, droppedData,
                Optional.empty());
    }

    /** An expand or cleanup: nothing dropped of the newer release's data. */
    public UpgradeResult(String database, OperationKind operation, Version from, Version to, Outcome outcome,
            int applied, int skipped, Duration duration, PreflightReport checks, Optional<PlanPreview> preview) {
        this(database, operation, from, to, outcome, applied, skipped, duration, checks, preview, List.of());
    }

    /** What the rollback drops that would be lost: counted rows, more than none. */
    public List<DroppedData> dataLost() {
        return droppedData.stream().filter(DroppedData::losesRows).toList();
    }

    public enum Outcome {
        APPLIED,
        RESUMED,
        NOTHING_TO_DO,
        DRY_RUN
    }
}
