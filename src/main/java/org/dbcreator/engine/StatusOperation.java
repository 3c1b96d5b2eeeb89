package org.dbcreator.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Step;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.StatusReport.Condition;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.Phase;

/** Reads the version state without writing anything; a SELECT-only account is enough. */
final class StatusOperation extends EngineOperation {

    StatusOperation(OperationContext context) {
        super(context);
    }

    StatusReport run(Optional<Version> requested) throws SQLException {
        Version target = catalog.requireKnown(requested.orElse(catalog.latestVersion()));
        Inspection inspection = new Inspector(database, history).inspect();
        Optional<DatabaseState> state = inspection.state();
        Optional<Version> schema = state.flatMap(DatabaseState::schemaVersion);
        List<String> findings = new ArrayList<>(ChecksumCheck.findings(catalog, inspection.applied()));
        state.filter(s -> !s.product().equals(catalog.product())).ifPresent(s -> findings.add(
                "The database holds product '" + s.product() + "', the catalog is for '" + catalog.product() + "'."));
        schema.filter(v -> v.isNewerThan(catalog.latestVersion())).ifPresent(v -> findings.add(
                "The database (" + v + ") is newer than this catalog (" + catalog.latestVersion() + ")."));
        Optional<PreflightReport> checks = nextChecks(state, target);
        return new StatusReport(database.server().describe(), database.server().versionText(),
                database.databaseName(), catalog.product(), condition(inspection), schema,
                state.map(DatabaseState::phase),
                state.filter(s -> s.phase() != Phase.CLEAN).map(DatabaseState::targetVersion), target, catalog.versions(),
                plannedSteps(inspection, schema, target),
                state.flatMap(DatabaseState::lowestRelease), state.flatMap(DatabaseState::highestRelease),
                interruptedAt(inspection), inspection.applied(), findings, checks,
                checks.filter(report -> !report.allowsStart())
                        .map(report -> "First fix what the checks marked FAIL say. Then: ").orElse("")
                        + nextAction(inspection, target));
    }

    /** The checks of the operation that is due next, as that operation would run them. */
    private Optional<PreflightReport> nextChecks(Optional<DatabaseState> state, Version target) throws SQLException {
        if (state.isEmpty() || !state.get().product().equals(catalog.product())) {
            return Optional.empty();
        }
        Phase phase = state.get().phase();
        boolean upgradeDue = phase == Phase.EXPANDING || (phase == Phase.CLEAN
                && state.get().schemaVersion().map(v -> v.isOlderThan(target)).orElse(false));
        if (upgradeDue) {
            Version upgradeTarget = phase == Phase.EXPANDING ? state.get().targetVersion() : target;
            return Optional.of(new UpgradeOperation(context.quiet())
                    .run(Optional.of(upgradeTarget), true, BackupPolicy.defaults(), BatchPace.ROLLING).checks());
        }
        if (phase == Phase.EXPANDED || phase == Phase.CLEANING) {
            return Optional.of(new CleanupOperation(context.quiet())
                    .run(CleanupRequest.preview()).checks());
        }
        return Optional.empty();
    }

    private static Condition condition(Inspection inspection) {
        if (!inspection.exists()) {
            return Condition.ABSENT;
        }
        if (inspection.isManaged()) {
            return Condition.MANAGED;
        }
        return inspection.isForeign() ? Condition.FOREIGN : Condition.EMPTY;
    }

    private List<String> plannedSteps(Inspection inspection, Optional<Version> schema, Version target) {
        boolean deploying = inspection.state().map(s -> s.phase() == Phase.DEPLOYING).orElse(false);
        if (deploying || (!inspection.isManaged() && !inspection.isForeign())) {
            Version deployTarget = deploying ? inspection.state().get().targetVersion() : target;
            List<String> deploy = new ArrayList<>(List.of("baseline " + catalog.baselineVersion()));
            catalog.stepsBetween(catalog.baselineVersion(), deployTarget).forEach(step -> deploy.add(step.toString()));
            return deploy;
        }
        if (schema.isEmpty() || !catalog.knows(schema.get()) || !schema.get().isOlderThan(target)) {
            return List.of();
        }
        return catalog.stepsBetween(schema.get(), target).stream().map(Step::toString).toList();
    }

    private static Optional<String> interruptedAt(Inspection inspection) {
        return inspection.interrupted().stream().findFirst()
                .map(e -> e.script() + ":" + e.line() + " (statement " + (e.index() + 1) + ", " + e.outcome() + ")"
                        + e.error().map(error -> ": " + error).orElse(""));
    }

    private String nextAction(Inspection inspection, Version target) {
        String action = nextStep(inspection, target);
        return inspection.interruption().filter(Inspection.Interruption::refused)
                .map(i -> "The server refused a statement of the unfinished run: fix the cause it named, then "
                        + Character.toLowerCase(action.charAt(0)) + action.substring(1))
                .orElse(action);
    }

    private String nextStep(Inspection inspection, Version target) {
        String db = database.databaseName();
        if (!inspection.exists() || (!inspection.isManaged() && !inspection.isForeign())) {
            return "Deploy it: dbcreator deploy --database " + db;
        }
        if (inspection.isForeign()) {
            return "This database holds objects DatabaseCreator does not manage; deploy into another database.";
        }
        DatabaseState state = inspection.state().orElseThrow();
        if (state.phase() == Phase.DEPLOYING) {
            return "Finish the interrupted deploy: dbcreator deploy --database " + db + " --target " + state.targetVersion();
        }
        if (state.phase() == Phase.EXPANDING) {
            return "Resume the interrupted expand to " + state.targetVersion() + ": dbcreator upgrade --database " + db;
        }
        if (state.phase() == Phase.CLEANING) {
            return "Resume the interrupted cleanup: dbcreator cleanup --database " + db;
        }
        Version current = state.schemaVersion().orElseThrow();
        if (state.phase() == Phase.EXPANDED) {
            return "Restart the nodes on " + state.targetVersion() + " one by one, then: dbcreator cleanup --database "
                    + db + " --confirm-nodes-restarted";
        }
        if (current.isOlderThan(target)) {
            return "Upgrade from " + current + " to " + target + " (old nodes keep working): dbcreator upgrade --database "
                    + db + " --target " + target;
        }
        return current.isNewerThan(catalog.latestVersion())
                ? "Use a DatabaseCreator release whose catalog knows " + current + "."
                : "Nothing to do: the database is at " + current + ".";
    }
}
