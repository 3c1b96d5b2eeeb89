package org.dbcreator.engine;

import java.util.List;
import java.util.Map;
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
 * @param plannedSteps the steps from the schema's version to the target (a deploy's begin with the baseline)
 * @param lowestRelease oldest node release that may run now
 * @param highestRelease newest node release that may run now
 * @param interrupted where an unfinished run stopped, if it did
 * @param stepDescriptions what each Java step of the history and of the interruption does (a data
 *     migration, the sample data), in its own words, by the class name the history holds: the
 *     history stores no words, so they are the catalog's of today. SQL scripts, and classes the
 *     catalog no longer has, have none
 * @param findings problems found, e.g. edited scripts
 * @param checks the pre-flight checks of the next operation (upgrade or cleanup), when one is due
 * @param nextAction what moves the database on
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
        List<PlannedStep> plannedSteps,
        Optional<Version> lowestRelease,
        Optional<Version> highestRelease,
        Optional<InterruptedStatement> interrupted,
        List<AppliedScript> history,
        Map<String, String> stepDescriptions,
        List<StatusFinding> findings,
        Optional<PreflightReport> checks,
        NextAction nextAction) {

    public enum Condition {
        ABSENT,
        EMPTY,
        FOREIGN,
        MANAGED
    }

    public StatusReport {
        catalogVersions = List.copyOf(catalogVersions);
        plannedSteps = List.copyOf(plannedSteps);
        history = List.copyOf(history);
        stepDescriptions = Map.copyOf(stepDescriptions);
        findings = List.copyOf(findings);
    }

    /** The words of the Java step named {@code script}; empty for a SQL script (see {@code stepDescriptions}). */
    public Optional<String> stepDescription(String script) {
        return Optional.ofNullable(stepDescriptions.get(script));
    }
}
