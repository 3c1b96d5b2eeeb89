package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.db.AdvisoryLock;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressEvent;

/**
 * The contract phase ({@code dbcreator cleanup}): the pending cleanup scripts of an expanded
 * upgrade, oldest step first. It drops what only old releases needed, so from its start only
 * nodes of the target release may run; it is irreversible and must be confirmed.
 */
final class CleanupOperation extends EngineOperation {

    static final OperationKind NAME = OperationKind.CLEANUP;
    private static final Duration GATE_POLL = Duration.ofSeconds(2);

    CleanupOperation(OperationContext context) {
        super(context);
    }

    @SuppressWarnings("try") // the lock is held for the whole block, never used in it
    UpgradeResult run(CleanupRequest request) throws SQLException {
        Instant started = Instant.now();
        if (request.dryRun()) {
            Prepared p = prepare(request, false);
            try (Connection c = database.productConnection()) {
                PlanPreview preview = Previews.of(p.plan(), p.inspection(),
                        p.state().flatMap(DatabaseState::runId), c, history);
                return result(p, UpgradeResult.Outcome.DRY_RUN, 0, started, Optional.of(preview));
            }
        }
        prepare(request, false).checks().requirePrivileges(); // before waiting and before the lock, whose record needs some
        request.waitForNodes().ifPresent(patience -> awaitGate(request, patience));
        try (AdvisoryLock lock = AdvisoryLock.acquire(database, NAME.word(), installedBy)) {
            Prepared p = prepare(request, true);
            listener.onEvent(new PreflightChecked(p.checks()));
            p.checks().requireNoRed();
            DatabaseState state = p.state().orElseThrow();
            if (state.phase() == Phase.CLEAN) {
                listener.onEvent(new ProgressEvent.Notice(nothingToClean(state, catalog).evidence()));
                return result(p, UpgradeResult.Outcome.NOTHING_TO_DO, 0, started, Optional.empty());
            }
            requireConsent(request, p, state);
            return cleanup(p, state, request, started);
        }
    }

    /** Without a node registry the operator vouches for the nodes; exclusions are always confirmed. */
    private void requireConsent(CleanupRequest request, Prepared p, DatabaseState state) {
        boolean gated = catalog.manifest().nodes().isPresent();
        if (!gated && state.phase() != Phase.CLEANING && !request.confirmed()) {
            throw new DbCreatorException(ErrorCode.CONFIRMATION_REQUIRED, "The cleanup " + p.from() + " -> " + p.to()
                    + " drops what only nodes older than " + p.to() + " need, and cannot be undone. Once every node"
                    + " runs " + p.to() + ", confirm that they were restarted.", List.of(new NextAction.Cleanup(p.to(), true)));
        }
        if (!request.excludedNodes().isEmpty() && !request.exclusionConfirmed()) {
            throw new DbCreatorException(ErrorCode.CONFIRMATION_REQUIRED, "Excluding " + request.excludedNodes()
                    + " declares them gone for good: nodes of an older release must never start again after the cleanup."
                    + " Confirm the exclusion to do so; it is recorded with your name.",
                    List.of(new NextAction.ExcludeNodes(List.copyOf(new java.util.TreeSet<>(request.excludedNodes())))));
        }
    }

    /** Polls the node gate until it opens, reporting who it waits for; a cancel ends the wait at once. */
    private void awaitGate(CleanupRequest request, Duration patience) {
        long began = System.nanoTime();
        long deadline = began + patience.toNanos();
        try {
            while (true) {
                Optional<DatabaseState> state = new Inspector(database, history).inspect().state();
                if (state.isEmpty()) {
                    return;
                }
                Optional<GateReport> gate = new NodeGate(database, catalog).read(state.get().targetVersion(),
                        request.excludedNodes());
                if (gate.isEmpty() || gate.get().isOpen() || System.nanoTime() > deadline) {
                    return; // a gate still shut is reported by the checks that follow
                }
                listener.onEvent(new NodeWait(gate.get(), Duration.ofNanos(System.nanoTime() - began), patience));
                cancellation.pause(GATE_POLL);
            }
        } catch (SQLException e) {
            throw Failures.ofOperation(e, database.settings().user(), database.databaseName());
        }
    }

    private Prepared prepare(CleanupRequest request, boolean lockHeld) throws SQLException {
        Inspector inspector = new Inspector(database, history);
        Inspection inspection = inspector.inspect();
        if (lockHeld) {
            inspector.awaitOrphans(inspection, listener, cancellation);
        }
        Optional<DatabaseState> state = inspection.state();
        PreflightCheck stateCheck = stateCheck(inspection, database.databaseName(), catalog);
        boolean allowed = !stateCheck.isRed();
        Version from = state.flatMap(DatabaseState::schemaVersion).orElse(catalog.baselineVersion());
        Version to = state.map(DatabaseState::targetVersion).orElse(from);
        List<PlanItem> plan = allowed ? Plans.cleanup(catalog, from, to) : List.of();
        List<PreflightCheck> checks = new ArrayList<>(List.of(stateCheck));
        boolean resuming = state.map(s -> s.phase() == Phase.CLEANING).orElse(false);
        boolean clean = state.map(s -> s.phase() == Phase.CLEAN).orElse(false);
        if (allowed && !resuming && !clean) { // a cleanup under way already shut older nodes out
            new NodeGate(database, catalog).read(to, request.excludedNodes()).map(NodeGate::check).ifPresent(checks::add);
        }
        PreflightReport report = new Preflight(database, catalog).check(NAME, inspection, checks, plan, lockHeld);
        return new Prepared(inspection, from, to, plan, report);
    }

    /** Pure: the database state check of a cleanup, from what the inspection found. */
    static PreflightCheck stateCheck(Inspection inspection, String db, Catalog catalog) {
        Optional<DatabaseState> state = inspection.state();
        PreflightCheck.Id check = PreflightCheck.Id.DATABASE_STATE;
        if (state.isEmpty()) {
            return PreflightCheck.red(check, "DatabaseCreator does not manage '" + db + "'.",
                    ErrorCode.DATABASE_NOT_MANAGED, new NextAction.Deploy(catalog.latestVersion()));
        }
        DatabaseState s = state.get();
        String range = s.schemaVersion().map(Version::toString).orElse("?") + " -> " + s.targetVersion();
        boolean refused = inspection.interruption().map(InterruptedStatement::refused).orElse(false);
        return switch (s.phase()) {
            case EXPANDED -> catalog.knows(s.targetVersion())
                    ? PreflightCheck.green(check, "Expanded " + range + "; the cleanup is pending.")
                    : PreflightCheck.red(check, "Expanded to " + s.targetVersion() + ", which this catalog does not know.",
                            ErrorCode.DATABASE_NEWER_THAN_CATALOG, new NextAction.UseMatchingRelease(s.targetVersion()));
            case CLEANING -> refused
                    ? PreflightCheck.amber(check, "An interrupted cleanup " + range + " will be resumed"
                            + inspection.whereInterrupted() + ".", new NextAction.Resume(NAME, s.targetVersion(), true))
                    : PreflightCheck.amber(check, "An interrupted cleanup " + range + " will be resumed"
                            + inspection.whereInterrupted() + ".");
            case CLEAN -> catalog.knows(s.targetVersion())
                    ? nothingToClean(s, catalog)
                    : PreflightCheck.red(check, "Clean at " + s.targetVersion() + ", which this catalog does not know.",
                            ErrorCode.DATABASE_NEWER_THAN_CATALOG, new NextAction.UseMatchingRelease(s.targetVersion()));
            case EXPANDING -> PreflightCheck.red(check, "The expand " + range + " is unfinished; it is resumed first.",
                    ErrorCode.OPERATION_IN_PROGRESS, new NextAction.Resume(OperationKind.UPGRADE, s.targetVersion(), refused));
            case DEPLOYING -> PreflightCheck.red(check, "A deploy of " + s.targetVersion() + " is unfinished; it is"
                    + " finished first.", ErrorCode.OPERATION_IN_PROGRESS,
                    new NextAction.Resume(OperationKind.DEPLOY, s.targetVersion(), refused));
            case ROLLING_BACK -> PreflightCheck.red(check, "A rollback to " + s.targetVersion() + " is unfinished; it is"
                    + " finished first.", ErrorCode.OPERATION_IN_PROGRESS,
                    new NextAction.Resume(OperationKind.ROLLBACK, s.targetVersion(), refused));
        };
    }

    /** A clean database has nothing to clean up; below the latest release, the next step is an upgrade. */
    private static PreflightCheck nothingToClean(DatabaseState clean, Catalog catalog) {
        Version at = clean.targetVersion();
        String evidence = "Nothing to clean up: the database is clean at " + at + " and nothing is expanded.";
        return at.isOlderThan(catalog.latestVersion())
                ? PreflightCheck.green(PreflightCheck.Id.DATABASE_STATE, evidence + " The next step is an upgrade to "
                        + catalog.latestVersion() + ".")
                : PreflightCheck.green(PreflightCheck.Id.DATABASE_STATE, evidence);
    }

    /** The checks the cleanup would make now, without its plan's preview: nothing is written. */
    PreflightReport checks(CleanupRequest request) throws SQLException {
        return prepare(request, false).checks();
    }

    private UpgradeResult cleanup(Prepared p, DatabaseState state, CleanupRequest request, Instant started)
            throws SQLException {
        boolean resuming = state.phase() == Phase.CLEANING;
        cancellation.throwIfCancelled();
        String runId = resuming ? state.runId().orElseThrow() : UUID.randomUUID().toString();
        try (Connection c = database.productConnection()) {
            history.createTables(c); // a database expanded by an older tool release may lack newer tool tables
            for (String node : request.excludedNodes()) {
                history.recordDecision(c, installedBy, "EXCLUDE_NODE", "Node '" + node + "' excluded from the cleanup "
                        + "gate of " + p.from() + " -> " + p.to() + " as gone for good.");
            }
            // From here on only the target release may run: older nodes must not start against a half-cleaned schema.
            writeState(c, Optional.of(state.phase()), new DatabaseState(state.product(), state.schemaVersion(), p.to(),
                    Phase.CLEANING, Optional.of(p.to()), Optional.of(p.to()), Optional.of(runId), Optional.empty(),
                    Instant.now()));
            listener.onEvent(new ProgressEvent.Notice((resuming ? "Resuming the cleanup " : "Cleaning up ") + p.from()
                    + " -> " + p.to() + "; only nodes of " + p.to() + " may run now."));
            RunContext run = new RunContext(runId, "CLEANUP", database.databaseName(), installedBy);
            int applied = new PlanExecutor(c, history, run, listener, BatchPace.FULL_SPEED, cancellation)
                    .apply(p.plan(), p.inspection().applied());
            writeState(c, Optional.of(Phase.CLEANING), DatabaseState.clean(state.product(), p.to()));
            listener.onEvent(new ProgressEvent.Notice("Clean at " + p.to() + "."));
            return result(p, resuming ? UpgradeResult.Outcome.RESUMED : UpgradeResult.Outcome.APPLIED, applied, started,
                    Optional.empty());
        }
    }

    private UpgradeResult result(Prepared p, UpgradeResult.Outcome outcome, int applied, Instant started,
            Optional<PlanPreview> preview) {
        return new UpgradeResult(database.databaseName(), NAME, p.from(), p.to(), outcome, applied,
                p.plan().size() - applied, Duration.between(started, Instant.now()), p.checks(), preview);
    }

    private record Prepared(Inspection inspection, Version from, Version to, List<PlanItem> plan, PreflightReport checks) {
        Optional<DatabaseState> state() {
            return inspection.state();
        }
    }
}
