package org.dbcreator.engine;

import java.time.Duration;
import java.util.Optional;
import org.dbcreator.catalog.Version;

/**
 * What an expand ({@code upgrade}) or a cleanup did, or, for a dry run, would do.
 *
 * @param from the release the schema was fully at when the operation began
 * @param to the release the operation went to
 * @param applied scripts and migrations applied by this run
 * @param skipped scripts and migrations found applied before (by an interrupted run)
 * @param preview for a dry run, every statement that would run
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
        Optional<PlanPreview> preview) {

    public enum Outcome {
        APPLIED,
        RESUMED,
        NOTHING_TO_DO,
        DRY_RUN
    }
}
