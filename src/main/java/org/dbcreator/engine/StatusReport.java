package org.dbcreator.engine;

import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Version;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.Phase;

/**
 * The version state of a product database, as support staff attach it to a ticket and as the
 * wizard's status page shows it. Immutable; every front end renders from it.
 *
 * @param server e.g. "MariaDB 11.4.5"
 * @param condition ABSENT, EMPTY, FOREIGN (holds objects the tool does not manage) or MANAGED
 * @param schemaVersion the release the schema is fully at, when managed and deployed
 * @param phase the life-cycle phase, when managed
 * @param phaseTarget the release a deploy, expand or cleanup under way (or an expand done) aims at
 * @param targetVersion the release status was asked about (default: the catalog's latest)
 * @param plannedSteps the steps from the schema's version to the target, e.g. "4.0.0 -> 4.1.0"
 * @param lowestRelease oldest node release that may run now
 * @param highestRelease newest node release that may run now
 * @param interruptedAt where an unfinished run stopped: "script:line", if it did
 * @param findings problems found, e.g. edited scripts
 * @param checks the pre-flight checks of the next operation (upgrade or cleanup), when one is due
 * @param nextAction the command that moves the database on, in one sentence
 */
public record StatusReport(
        String server,
        String serverVersion,
        String database,
        String product,
        Condition condition,
        Optional<Version> schemaVersion,
        Optional<Phase> phase,
        Optional<Version> phaseTarget,
        Version targetVersion,
        List<Version> catalogVersions,
        List<String> plannedSteps,
        Optional<Version> lowestRelease,
        Optional<Version> highestRelease,
        Optional<String> interruptedAt,
        List<AppliedScript> history,
        List<String> findings,
        Optional<PreflightReport> checks,
        String nextAction) {

    public enum Condition {
        ABSENT,
        EMPTY,
        FOREIGN,
        MANAGED
    }
}
