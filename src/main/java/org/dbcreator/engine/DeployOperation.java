package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.AdvisoryLock;
import org.dbcreator.db.Identifiers;
import org.dbcreator.db.Privileges;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressEvent;

/**
 * Creates the product database (if absent) and deploys a release: baseline, then expand,
 * migrations and cleanup of every step. Every check runs before the first change, so a refused
 * deploy changes nothing; an interrupted deploy is resumed by running it again.
 */
final class DeployOperation extends EngineOperation {

    DeployOperation(OperationContext context) {
        super(context);
    }

    static final String NAME = "deploy";

    @SuppressWarnings("try") // the lock is held for the whole block, never used in it
    DeployResult run(Optional<Version> requested, SampleSize requestedSample, boolean dryRun) throws SQLException {
        Instant started = Instant.now();
        Version target = catalog.requireKnown(requested.orElse(catalog.latestVersion()));
        if (dryRun) {
            return dryRun(target, requestedSample, started);
        }
        try (AdvisoryLock lock = AdvisoryLock.acquire(database, NAME, installedBy)) {
            Inspector inspector = new Inspector(database, history);
            Inspection inspection = inspector.inspect();
            inspector.awaitOrphans(inspection, listener, cancellation);
            ChecksumCheck.verify(catalog, inspection.applied());
            Optional<DeployResult> nothingToDo = refuseOrSkip(inspection, target, started);
            if (nothingToDo.isPresent()) {
                return nothingToDo.get();
            }
            SampleSize sample = sampleOf(inspection, requestedSample);
            List<PlanItem> plan = Plans.deploy(catalog, target, sample);
            requirePrivileges(plan, inspection.exists());
            return deploy(plan, inspection, target, sample, started);
        }
    }

    /**
     * The checks and the statements the deploy would run, without the lock and without a write: a
     * refusal becomes the red "Database state" check, the other checks are the upgrade's.
     */
    private DeployResult dryRun(Version target, SampleSize requestedSample, Instant started) throws SQLException {
        Inspection inspection = new Inspector(database, history).inspect();
        PreflightCheck state = stateCheck(inspection, target, database.databaseName(), catalog.product(),
                catalog.latestVersion());
        boolean done = inspection.state().filter(s -> s.phase() == Phase.CLEAN).isPresent();
        List<PlanItem> plan = state.isRed() || done ? List.of()
                : Plans.deploy(catalog, target, sampleOf(inspection, requestedSample));
        PreflightReport checks = new Preflight(database, catalog).check(OperationKind.DEPLOY, inspection, List.of(state),
                plan, false);
        PlanPreview preview;
        try (Connection c = inspection.exists() ? database.productConnection() : database.serverConnection()) {
            Optional<String> runId = inspection.state().filter(s -> s.phase() == Phase.DEPLOYING).flatMap(DatabaseState::runId);
            preview = Previews.of(plan, inspection, runId, c, history);
        }
        int skipped = (int) preview.items().stream().filter(PlanPreview.Item::applied).count();
        return new DeployResult(database.databaseName(), target, DeployResult.Outcome.DRY_RUN, 0, skipped,
                Duration.between(started, Instant.now()), Optional.of(checks), Optional.of(preview));
    }

    /** Throws when the database must not be deployed to; returns a result when there is nothing to do. */
    private Optional<DeployResult> refuseOrSkip(Inspection inspection, Version target, Instant started) {
        String name = database.databaseName();
        PreflightCheck check = stateCheck(inspection, target, name, catalog.product(), catalog.latestVersion());
        if (check.isRed()) {
            throw new DbCreatorException(check.failure().orElseThrow(), check.evidence(), check.fix());
        }
        boolean done = inspection.state().filter(s -> s.phase() == Phase.CLEAN).isPresent();
        if (!done) {
            return Optional.empty(); // a deploy, or the resumption of an interrupted one
        }
        listener.onEvent(new ProgressEvent.Notice(check.evidence()));
        return Optional.of(new DeployResult(name, target, DeployResult.Outcome.NOTHING_TO_DO, 0, 0,
                Duration.between(started, Instant.now())));
    }

    /** Pure: the database state check of a deploy of {@code target}, from what the inspection found. */
    static PreflightCheck stateCheck(Inspection inspection, Version target, String name, String product,
            Version catalogLatest) {
        PreflightCheck.Id id = PreflightCheck.Id.DATABASE_STATE;
        if (inspection.isForeign()) {
            List<String> objects = inspection.productObjects();
            return PreflightCheck.red(id, "Database '" + name + "' already holds "
                    + objects.size() + " objects DatabaseCreator does not manage ("
                    + String.join(", ", objects.subList(0, Math.min(5, objects.size())))
                    + (objects.size() > 5 ? ", ..." : "") + "); nothing was changed.", ErrorCode.DATABASE_NOT_EMPTY,
                    new NextAction.DeployElsewhere());
        }
        if (inspection.state().isEmpty()) {
            return PreflightCheck.green(id, inspection.exists() ? "Database '" + name + "' is empty; " + target
                    + " is deployed into it." : "Database '" + name + "' is absent; it is created and " + target
                    + " deployed into it.");
        }
        DatabaseState state = inspection.state().get();
        if (!state.product().equals(product)) {
            return PreflightCheck.red(id, "Database '" + name + "' holds product '" + state.product()
                    + "', but the catalog is for '" + product + "'.", ErrorCode.PRODUCT_MISMATCH,
                    new NextAction.UseCatalogOf(state.product()));
        }
        boolean refused = inspection.interruption().map(InterruptedStatement::refused).orElse(false);
        if (state.phase() == Phase.DEPLOYING) {
            if (!state.targetVersion().equals(target)) {
                return PreflightCheck.red(id, "An interrupted deploy of " + state.targetVersion() + " is unfinished in '"
                        + name + "'; it is finished first, to its own target.", ErrorCode.OPERATION_IN_PROGRESS,
                        new NextAction.Resume(OperationKind.DEPLOY, state.targetVersion(), refused));
            }
            String evidence = "An interrupted deploy of " + target + " will be resumed" + inspection.whereInterrupted() + ".";
            return refused ? PreflightCheck.amber(id, evidence, new NextAction.Resume(OperationKind.DEPLOY, target, true))
                    : PreflightCheck.amber(id, evidence);
        }
        Version current = state.schemaVersion().orElseThrow();
        if (current.isNewerThan(catalogLatest)) {
            return PreflightCheck.red(id, "Database '" + name + "' is at " + current + "; this catalog ends at "
                    + catalogLatest + ".", ErrorCode.DATABASE_NEWER_THAN_CATALOG, new NextAction.UseMatchingRelease(current));
        }
        if (current.isNewerThan(target)) {
            return PreflightCheck.red(id, "Database '" + name + "' is at " + current + ", newer than the requested "
                    + target + ".", ErrorCode.DOWNGRADE_REFUSED, new NextAction.ChooseTarget(current));
        }
        if (current.isOlderThan(target) || state.phase() != Phase.CLEAN) {
            return PreflightCheck.red(id, "Database '" + name + "' is deployed at " + current + " (" + state.phase()
                    + "); " + target + " is reached by upgrading it.", ErrorCode.DATABASE_NEEDS_UPGRADE,
                    state.phase() == Phase.CLEAN ? new NextAction.Upgrade(current, target)
                            : NextActions.of(inspection, product, catalogLatest, target, true));
        }
        return PreflightCheck.green(id, "Database '" + name + "' is already at " + target + ": nothing to do.");
    }

    /** A resumed deploy loads the sample it started with, whatever this run asked for. */
    private SampleSize sampleOf(Inspection inspection, SampleSize requested) {
        Optional<SampleSize> started = inspection.state().filter(s -> s.phase() == Phase.DEPLOYING)
                .flatMap(DatabaseState::runOptions).map(SampleSize::decode);
        if (started.isPresent() && !started.get().equals(requested) && !requested.isEmpty()) {
            listener.onEvent(new ProgressEvent.Notice("The interrupted deploy resumes with the sample it started with ("
                    + started.get().rows() + " rows, seed " + started.get().seed() + ")."));
        }
        return started.orElse(requested);
    }

    private void requirePrivileges(List<PlanItem> plan, boolean databaseExists) throws SQLException {
        Set<String> needed = RequiredPrivileges.ofPlan(plan);
        try (Connection c = database.serverConnection()) {
            Set<String> missing = Privileges.missing(c, database.databaseName(), needed);
            if (!missing.isEmpty()) {
                throw new DbCreatorException(ErrorCode.INSUFFICIENT_PRIVILEGES, "User '"
                        + database.settings().user() + "' lacks " + String.join(", ", missing) + " on database '"
                        + database.databaseName() + "'" + (databaseExists ? "" : " (CREATE also creates it)")
                        + "; nothing was changed.");
            }
        }
    }

    private DeployResult deploy(List<PlanItem> plan, Inspection inspection, Version target, SampleSize sample,
            Instant started)
            throws SQLException {
        String name = database.databaseName();
        boolean resuming = inspection.state().isPresent();
        cancellation.throwIfCancelled();
        if (!inspection.exists()) {
            try (Connection c = database.serverConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(name)
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            listener.onEvent(new ProgressEvent.Notice("Created database '" + name + "'."));
        }
        try (Connection c = database.productConnection()) {
            history.createTables(c);
            String runId = inspection.state().flatMap(DatabaseState::runId).orElse(UUID.randomUUID().toString());
            if (!resuming) {
                writeState(c, Optional.empty(), new DatabaseState(catalog.product(), Optional.empty(), target, Phase.DEPLOYING,
                        Optional.empty(), Optional.empty(), Optional.of(runId), Optional.of(sample.encode()),
                        Instant.now()));
            } else {
                listener.onEvent(new ProgressEvent.Notice("Resuming the interrupted deploy of " + target + "."));
            }
            RunContext run = new RunContext(runId, "DEPLOY", name, installedBy);
            int applied = new PlanExecutor(c, history, run, listener, BatchPace.FULL_SPEED, cancellation)
                    .apply(plan, inspection.applied());
            writeState(c, Optional.of(Phase.DEPLOYING), DatabaseState.clean(catalog.product(), target));
            listener.onEvent(new ProgressEvent.Notice("Database '" + name + "' is at " + target + "."));
            return new DeployResult(name, target, resuming ? DeployResult.Outcome.RESUMED : DeployResult.Outcome.DEPLOYED,
                    applied, plan.size() - applied, Duration.between(started, Instant.now()));
        }
    }
}
