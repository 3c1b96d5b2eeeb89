package org.dbcreator.engine;

import java.time.Duration;
import java.util.Optional;
import org.dbcreator.catalog.Version;

/**
 * What a deploy did, or, for a dry run, would do.
 *
 * @param outcome whether it deployed, resumed an interrupted deploy, found nothing to do, or only looked
 * @param applied scripts and migrations applied by this run
 * @param skipped scripts found already applied (by an interrupted earlier run)
 * @param checks for a dry run, the checks the deploy would make before its first change
 * @param preview for a dry run, every statement that would run
 */
public record DeployResult(
        String database, Version version, Outcome outcome, int applied, int skipped, Duration duration,
        Optional<PreflightReport> checks, Optional<PlanPreview> preview) {

    public enum Outcome {
        DEPLOYED,
        RESUMED,
        NOTHING_TO_DO,
        DRY_RUN
    }

    /** A deploy that ran (or found nothing to do). */
    public DeployResult(String database, Version version, Outcome outcome, int applied, int skipped, Duration duration) {
        this(database, version, outcome, applied, skipped, duration, Optional.empty(), Optional.empty());
    }
}
