package org.dbcreator.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dbcreator.catalog.Step;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.StatusReport.Condition;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.Phase;

/** Reads the version state without writing anything; a SELECT-only account is enough. */
final class StatusOperation extends EngineOperation {

    StatusOperation(OperationContext context) {
        super(context);
    }

    StatusReport run(Optional<Version> requested) throws SQLException {
        return run(requested, UnreadableChecks.FAIL);
    }

    /**
     * The report, with the next operation's checks left out when they cannot be read (they look at
     * more than the tool's tables: the node registry, grants), as {@code unreadable} decides.
     */
    StatusReport run(Optional<Version> requested, UnreadableChecks unreadable) throws SQLException {
        Version target = catalog.requireKnown(requested.orElse(catalog.latestVersion()));
        Inspection inspection = new Inspector(database, history).inspect();
        Optional<DatabaseState> state = inspection.state();
        Optional<Version> schema = state.flatMap(DatabaseState::schemaVersion);
        List<StatusFinding> findings = new ArrayList<>(ChecksumCheck.changed(catalog, inspection.applied()));
        state.filter(s -> !s.product().equals(catalog.product())).ifPresent(s -> findings.add(
                new StatusFinding.OtherProduct(s.product(), catalog.product())));
        schema.filter(v -> v.isNewerThan(catalog.latestVersion())).ifPresent(v -> findings.add(
                new StatusFinding.NewerThanCatalog(v, catalog.latestVersion())));
        Optional<PreflightReport> checks;
        try {
            checks = nextChecks(state, target);
        } catch (SQLException | DbCreatorException e) {
            unreadable.noted(e);
            checks = Optional.empty();
        }
        return new StatusReport(database.server().describe(), database.server().versionText(),
                database.databaseName(), catalog.product(), condition(inspection), schema,
                state.map(DatabaseState::phase),
                state.filter(s -> s.phase() != Phase.CLEAN).map(DatabaseState::targetVersion), target, catalog.versions(),
                plannedSteps(inspection, schema, target),
                state.flatMap(DatabaseState::lowestRelease), state.flatMap(DatabaseState::highestRelease),
                inspection.interruption(), inspection.applied(), stepDescriptions(inspection), findings, checks,
                NextActions.of(inspection, catalog.product(), catalog.latestVersion(), target,
                        catalog.manifest().nodes().isPresent()));
    }

    /** The catalog's words for the Java steps the history and the interruption name by class. */
    private Map<String, String> stepDescriptions(Inspection inspection) {
        Map<String, String> descriptions = new HashMap<>();
        Stream.concat(inspection.applied().stream().map(AppliedScript::script),
                inspection.interruption().map(InterruptedStatement::script).stream())
                .distinct()
                .forEach(script -> JavaSteps.description(catalog, script).ifPresent(d -> descriptions.put(script, d)));
        return descriptions;
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
            return Optional.of(new UpgradeOperation(context.quiet()).checks(Optional.of(upgradeTarget), BackupPolicy.defaults()));
        }
        if (phase == Phase.EXPANDED || phase == Phase.CLEANING) {
            return Optional.of(new CleanupOperation(context.quiet()).checks(CleanupRequest.preview()));
        }
        return Optional.empty();
    }

    /** What a status does when the checks cannot be read: fail (the status command), or note it and go on (a report). */
    @FunctionalInterface
    interface UnreadableChecks {
        UnreadableChecks FAIL = e -> {
            if (e instanceof SQLException sql) {
                throw sql;
            }
            throw (DbCreatorException) e;
        };

        void noted(Exception e) throws SQLException;
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

    private List<PlannedStep> plannedSteps(Inspection inspection, Optional<Version> schema, Version target) {
        boolean deploying = inspection.state().map(s -> s.phase() == Phase.DEPLOYING).orElse(false);
        if (deploying || (!inspection.isManaged() && !inspection.isForeign())) {
            Version deployTarget = deploying ? inspection.state().get().targetVersion() : target;
            List<PlannedStep> deploy = new ArrayList<>(List.of(PlannedStep.baseline(catalog.baselineVersion())));
            catalog.stepsBetween(catalog.baselineVersion(), deployTarget).forEach(step -> deploy.add(planned(step)));
            return deploy;
        }
        if (schema.isEmpty() || !catalog.knows(schema.get()) || !schema.get().isOlderThan(target)) {
            return List.of();
        }
        return catalog.stepsBetween(schema.get(), target).stream().map(StatusOperation::planned).toList();
    }

    private static PlannedStep planned(Step step) {
        return PlannedStep.step(step.from(), step.to(), step.rollbackPath().isPresent());
    }
}
