package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dbcreator.backup.BackupOperation;
import org.dbcreator.backup.BackupResult;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.AdvisoryLock;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressEvent;

/**
 * The expand phase of a rolling upgrade ({@code dbcreator upgrade}): every expand script and data
 * migration from the schema's release to the target, several hops if need be. Nodes of every
 * release in between keep working; afterwards {@code dbcreator_state} admits them all.
 */
final class UpgradeOperation extends EngineOperation {

    static final OperationKind NAME = OperationKind.UPGRADE;

    UpgradeOperation(OperationContext context) {
        super(context);
    }

    @SuppressWarnings("try") // the lock is held for the whole block, never used in it
    UpgradeResult run(Optional<Version> requested, boolean dryRun, BackupPolicy backup, BatchPace pace)
            throws SQLException {
        Instant started = Instant.now();
        if (dryRun) {
            Prepared p = prepare(requested, backup, false);
            try (Connection c = database.productConnection()) {
                PlanPreview preview = Previews.of(p.plan(), p.inspection(), runIdOf(p.inspection()), c, history);
                return result(p, UpgradeResult.Outcome.DRY_RUN, 0, started, Optional.of(preview));
            }
        }
        prepare(requested, backup, false).checks().requirePrivileges(); // the lock's record needs some of them
        try (AdvisoryLock lock = AdvisoryLock.acquire(database, NAME.word(), installedBy)) {
            Prepared p = prepare(requested, backup, true); // decided while holding the lock: no one else can move the state
            listener.onEvent(new PreflightChecked(p.checks()));
            p.checks().requireNoRed();
            if (p.decision().from().isEmpty()) {
                listener.onEvent(new ProgressEvent.Notice(p.decision().check().evidence()));
                return result(p, UpgradeResult.Outcome.NOTHING_TO_DO, 0, started, Optional.empty());
            }
            applyBackupPolicy(p, backup);
            return expand(p, started, pace);
        }
    }

    /** The checks the upgrade would make now, without its plan's preview: nothing is written. */
    PreflightReport checks(Optional<Version> requested, BackupPolicy backup) throws SQLException {
        return prepare(requested, backup, false).checks();
    }

    /** Takes the backup under this run's lock, or records that the operator went on without one. */
    private void applyBackupPolicy(Prepared p, BackupPolicy backup) throws SQLException {
        if (backup.mode() == BackupPolicy.Mode.TAKE_FIRST) {
            TakenBackup taken = VerifiedBackup.take(context, backup.take().orElseThrow(), backup.restoreTest(), true);
            listener.onEvent(new ProgressEvent.Notice((taken.provedRestorable()
                    ? "Backup taken and proved restorable: " : "Backup taken and read back (no restore test): ")
                    + taken.backup().files().dump() + "."));
        } else if (backup.mode() == BackupPolicy.Mode.SKIP) {
            try (Connection c = database.productConnection()) {
                history.createTables(c);
                history.recordBackupSkipped(c, Optional.of(p.from()), installedBy);
            }
            listener.onEvent(new ProgressEvent.Notice("Upgrading without a backup, as asked; recorded as skipped by "
                    + installedBy + "."));
        }
    }

    private Prepared prepare(Optional<Version> requested, BackupPolicy backup, boolean lockHeld) throws SQLException {
        Inspector inspector = new Inspector(database, history);
        Inspection inspection = inspector.inspect();
        if (lockHeld) {
            inspector.awaitOrphans(inspection, listener, cancellation);
        }
        Version target = catalog.requireKnown(requested.or(() -> resumedTarget(inspection)).orElse(catalog.latestVersion()));
        Decision decision = decide(inspection, target);
        List<PlanItem> plan = decision.from().map(from -> Plans.expand(catalog, from, target)).orElse(List.of());
        List<PreflightCheck> operationChecks = new ArrayList<>(List.of(decision.check()));
        if (decision.from().isPresent()) { // the expand would run: it needs a backup, or a recorded skip
            operationChecks.add(BackupGate.of(database, history, decision.from().get(), target, backup));
        }
        PreflightReport checks = new Preflight(database, catalog).check(NAME, inspection, operationChecks, plan, lockHeld);
        return new Prepared(inspection, target, decision, plan, checks);
    }

    private UpgradeResult expand(Prepared p, Instant started, BatchPace pace) throws SQLException {
        DatabaseState state = p.inspection().state().orElseThrow();
        Version from = p.from();
        Version target = p.target();
        boolean resuming = state.phase() == Phase.EXPANDING;
        cancellation.throwIfCancelled(); // e.g. during the backup taken first: the schema is untouched
        String runId = resuming ? state.runId().orElseThrow() : UUID.randomUUID().toString();
        try (Connection c = database.productConnection()) {
            history.createTables(c); // a database deployed by an older tool release may lack newer tool tables
            writeState(c, Optional.of(state.phase()), new DatabaseState(state.product(), state.schemaVersion(), target,
                    Phase.EXPANDING, state.lowestRelease(), state.highestRelease(), Optional.of(runId), Optional.empty(),
                    Instant.now()));
            listener.onEvent(new ProgressEvent.Notice((resuming ? "Resuming the expand " : "Expanding ") + from + " -> "
                    + target + "; nodes of " + from + " keep working."));
            RunContext run = new RunContext(runId, "UPGRADE", database.databaseName(), installedBy);
            int applied = new PlanExecutor(c, history, run, listener, pace, cancellation).apply(p.plan(), p.inspection().applied());
            Version lowest = state.lowestRelease().orElse(from);
            writeState(c, Optional.of(Phase.EXPANDING), new DatabaseState(state.product(), state.schemaVersion(), target,
                    Phase.EXPANDED, Optional.of(lowest), Optional.of(target), Optional.empty(), Optional.empty(),
                    Instant.now()));
            listener.onEvent(new ProgressEvent.Notice("Expanded to " + target + ": nodes of " + lowest + " to " + target
                    + " may run. Restart the nodes on " + target + ", then run the cleanup."));
            return result(p, resuming ? UpgradeResult.Outcome.RESUMED : UpgradeResult.Outcome.APPLIED, applied, started,
                    Optional.empty());
        }
    }

    /** Without an explicit target, an interrupted expand resumes towards its own target. */
    private static Optional<Version> resumedTarget(Inspection inspection) {
        return inspection.state().filter(s -> s.phase() == Phase.EXPANDING).map(DatabaseState::targetVersion);
    }

    private static Optional<String> runIdOf(Inspection inspection) {
        return inspection.state().filter(s -> s.phase().isInterruptible()).flatMap(DatabaseState::runId);
    }

    /** Where the expand starts, or why it cannot (a red check) or need not (a green check, no start). */
    private Decision decide(Inspection inspection, Version target) {
        return decide(inspection, target, database.databaseName(), catalog.product(), catalog.latestVersion());
    }

    /** Pure: the database state check of an expand to {@code target}, from what the inspection found. */
    static Decision decide(Inspection inspection, Version target, String db, String product, Version catalogLatest) {
        PreflightCheck.Id check = PreflightCheck.Id.DATABASE_STATE;
        if (inspection.state().isEmpty()) {
            return Decision.refuse(PreflightCheck.red(check, "DatabaseCreator does not manage '" + db + "'.",
                    ErrorCode.DATABASE_NOT_MANAGED, new NextAction.Deploy(target)));
        }
        DatabaseState state = inspection.state().get();
        if (!state.product().equals(product)) {
            return Decision.refuse(PreflightCheck.red(check, "'" + db + "' holds product " + state.product()
                    + ", the catalog is for " + product + ".", ErrorCode.PRODUCT_MISMATCH,
                    new NextAction.UseCatalogOf(state.product())));
        }
        Version schema = state.schemaVersion().orElse(target);
        boolean refused = inspection.interruption().map(InterruptedStatement::refused).orElse(false);
        switch (state.phase()) {
            case DEPLOYING, CLEANING, ROLLING_BACK -> {
                OperationKind unfinished = state.phase() == Phase.DEPLOYING ? OperationKind.DEPLOY
                        : state.phase() == Phase.CLEANING ? OperationKind.CLEANUP : OperationKind.ROLLBACK;
                return Decision.refuse(PreflightCheck.red(check, "An interrupted " + unfinished.word() + " to "
                        + state.targetVersion() + " is unfinished; it is finished first.", ErrorCode.OPERATION_IN_PROGRESS,
                        new NextAction.Resume(unfinished, state.targetVersion(), refused)));
            }
            case EXPANDING -> {
                if (!state.targetVersion().equals(target)) {
                    return Decision.refuse(PreflightCheck.red(check, "An interrupted expand to " + state.targetVersion()
                            + " is unfinished; it is resumed to its own target first.", ErrorCode.OPERATION_IN_PROGRESS,
                            new NextAction.Resume(OperationKind.UPGRADE, state.targetVersion(), refused)));
                }
                String evidence = "An interrupted expand " + schema + " -> " + target + " will be resumed"
                        + inspection.whereInterrupted() + ".";
                return Decision.start(schema, refused
                        ? PreflightCheck.amber(check, evidence, new NextAction.Resume(OperationKind.UPGRADE, target, true))
                        : PreflightCheck.amber(check, evidence));
            }
            default -> { }
        }
        if (schema.isNewerThan(catalogLatest)) {
            return Decision.refuse(PreflightCheck.red(check, "'" + db + "' is at " + schema + ", newer than the catalog's "
                    + catalogLatest + ".", ErrorCode.DATABASE_NEWER_THAN_CATALOG, new NextAction.UseMatchingRelease(schema)));
        }
        Version expandedTo = state.phase() == Phase.EXPANDED ? state.targetVersion() : schema;
        if (expandedTo.isNewerThan(target)) {
            return Decision.refuse(PreflightCheck.red(check, "'" + db + "' is already " + (state.phase() == Phase.EXPANDED
                    ? "expanded to " : "at ") + expandedTo + ", newer than the requested " + target + ".",
                    ErrorCode.DOWNGRADE_REFUSED, new NextAction.ChooseTarget(expandedTo)));
        }
        if (expandedTo.equals(target)) {
            return Decision.nothing(PreflightCheck.green(check, state.phase() == Phase.EXPANDED
                    ? "Already expanded to " + target + ": nothing to do. Restart the nodes on " + target
                            + ", then clean up."
                    : "Already at " + target + ": nothing to do."));
        }
        return Decision.start(schema, PreflightCheck.green(check, state.phase() + " at " + schema
                + (state.phase() == Phase.EXPANDED ? " (expanded to " + expandedTo + ")" : "") + "; expand to " + target + "."));
    }

    private UpgradeResult result(Prepared p, UpgradeResult.Outcome outcome, int applied, Instant started,
            Optional<PlanPreview> preview) {
        return new UpgradeResult(database.databaseName(), NAME, p.from(), p.target(), outcome, applied,
                p.plan().size() - applied, Duration.between(started, Instant.now()), p.checks(), preview);
    }

    /** Everything decided before anything changes. */
    private record Prepared(Inspection inspection, Version target, Decision decision, List<PlanItem> plan,
            PreflightReport checks) {
        Version from() {
            return decision.from().orElse(target);
        }
    }

    /** @param from where the expand starts; empty when it must not or need not run */
    record Decision(Optional<Version> from, PreflightCheck check) {
        static Decision start(Version from, PreflightCheck check) {
            return new Decision(Optional.of(from), check);
        }

        static Decision refuse(PreflightCheck red) {
            return new Decision(Optional.empty(), red);
        }

        static Decision nothing(PreflightCheck green) {
            return new Decision(Optional.empty(), green);
        }
    }

}
