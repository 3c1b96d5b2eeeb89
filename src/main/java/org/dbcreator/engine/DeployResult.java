package org.dbcreator.engine;

import java.time.Duration;
import org.dbcreator.catalog.Version;

/**
 * What a deploy did.
 *
 * @param outcome whether it deployed, resumed an interrupted deploy, or found nothing to do
 * @param applied scripts and migrations applied by this run
 * @param skipped scripts found already applied (by an interrupted earlier run)
 */
public record DeployResult(
        String database, Version version, Outcome outcome, int applied, int skipped, Duration duration) {

    public enum Outcome {
        DEPLOYED,
        RESUMED,
        NOTHING_TO_DO
    }
}
