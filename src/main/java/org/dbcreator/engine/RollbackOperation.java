package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Step;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.AdvisoryLock;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.AuditEntry;
import org.dbcreator.history.BackupRecord;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressEvent;

/**
 * Aborting a rolling upgrade ({@code dbcreator rollback}): the rollback scripts of the expanded
 * steps, newest first, back to the release the expand started from (or one in between). It drops
 * what only the newer releases use, so from its start only nodes of the release returned to (or
 * older) may run; writes the old nodes made meanwhile stay. Journaled and resumable like every run.
 */
final class RollbackOperation extends EngineOperation {

    static final OperationKind NAME = OperationKind.ROLLBACK;
    /** In {@code run_options} of a rollback under way: the step whose expand stopped part-way, and that expand's run. */
    private static final String PARTIAL = "partial-expand=";
    /** The audit's action for an operator's acceptance of the data a rollback drops; it names its run. */
    private static final String ACCEPT_DATA_LOSS = "ACCEPT_DATA_LOSS";

    /** A step whose expand script an interrupted run left part-way: it is finished first, so its rollback undoes it whole. */
    private record Partial(Step step, String expandRunId) {
        String option() {
            return PARTIAL + step.to() + "@" + expandRunId;
        }
    }

    RollbackOperation(OperationContext context) {
        super(context);
    }

    @SuppressWarnings("try") // the lock is held for the whole block, never used in it
    UpgradeResult run(RollbackRequest request) throws SQLException {
        Instant started = Instant.now();
        if (request.dryRun()) {
            Prepared p = prepare(request, false);
            try (Connection c = database.productConnection()) {
                Inspection i = p.inspection();
                Inspection ofThisRun = new Inspection(i.exists(), i.state(), p.doneThisRun(), i.productObjects(),
                        i.interrupted());
                PlanPreview preview = Previews.of(p.plan(), ofThisRun, p.runId(), c, history);
                return result(p, UpgradeResult.Outcome.DRY_RUN, 0, started, Optional.of(preview));
            }
        }
        prepare(request, false).checks().requirePrivileges(); // the lock's record needs some of them
        try (AdvisoryLock lock = AdvisoryLock.acquire(database, NAME.word(), installedBy)) {
            Prepared p = prepare(request, true);
            listener.onEvent(new PreflightChecked(p.checks()));
            p.checks().requireNoRed();
            if (p.decision().nothing()) {
                listener.onEvent(new ProgressEvent.Notice(p.decision().check().evidence()));
                return result(p, UpgradeResult.Outcome.NOTHING_TO_DO, 0, started, Optional.empty());
            }
            List<DroppedData> lost = p.dropped().stream().filter(DroppedData::losesRows).toList();
            if (!lost.isEmpty() && !request.acceptDataLoss() && p.accepted().isEmpty()) {
                throw new DbCreatorException(ErrorCode.ROLLBACK_DROPS_DATA, "The rollback to " + p.to() + " would drop"
                        + " data only the newer release wrote: " + String.join("; ", lost.stream()
                                .map(DroppedData::describe).toList()) + ". Nothing was changed. Read the list (the dry"
                        + " run shows it too), save what must be kept, then accept the loss to roll back; it is"
                        + " recorded with your name.", List.of(new NextAction.RollbackAcceptingDataLoss(p.to())));
            }
            if (!request.excludedNodes().isEmpty() && !request.exclusionConfirmed()) {
                throw new DbCreatorException(ErrorCode.CONFIRMATION_REQUIRED, "Excluding " + request.excludedNodes()
                        + " declares them gone for good: nodes of a release newer than " + p.to() + " must never start"
                        + " again after the rollback. Confirm the exclusion to do so; it is recorded with your name.",
                        List.of(new NextAction.RollbackExcluding(p.to(), List.copyOf(new TreeSet<>(request.excludedNodes())))));
            }
            return rollback(p, request, started);
        }
    }

    /** The checks the rollback would make now, without its plan's preview: nothing is written. */
    PreflightReport checks(RollbackRequest request) throws SQLException {
        return prepare(request, false).checks();
    }

    private Prepared prepare(RollbackRequest request, boolean lockHeld) throws SQLException {
        Inspector inspector = new Inspector(database, history);
        Inspection inspection = inspector.inspect();
        if (lockHeld) {
            inspector.awaitOrphans(inspection, listener, cancellation);
        }
        request.target().ifPresent(catalog::requireKnown);
        Optional<BackupRecord> backup = backupForThisRun(inspection);
        Decision decided = decide(inspection, request.target(), database.databaseName(), catalog, backup);
        Decision decision = decided.to() != null ? decided : new Decision(false, decided.nothing(), inspection.state()
                .flatMap(DatabaseState::schemaVersion).orElse(catalog.latestVersion()), List.of(), decided.check());
        List<PreflightCheck> checks = new ArrayList<>(List.of(decision.check()));
        List<PlanItem> plan = List.of();
        Optional<Partial> partial = Optional.empty();
        List<AppliedScript> doneThisRun = List.of();
        List<DroppedData> dropped = List.of();
        Optional<AuditEntry> accepted = Optional.empty();
        DatabaseState state = inspection.state().orElse(null);
        Optional<String> runId = Optional.empty();
        if (decision.runs()) {
            runId = state.phase() == Phase.ROLLING_BACK ? state.runId() : Optional.empty();
            Optional<String> thisRun = runId;
            doneThisRun = inspection.applied().stream()
                    .filter(a -> a.kind() == ScriptKind.ROLLBACK && thisRun.equals(Optional.of(a.runId()))).toList();
            partial = partialStep(state, inspection);
            Optional<Version> partialStep = partial.map(x -> x.step().to());
            List<PlanItem> items = new ArrayList<>();
            List<Step> toProbe = new ArrayList<>();
            for (Step step : decision.steps()) {
                boolean expanded = inspection.applied().stream().anyMatch(a -> a.kind() == ScriptKind.EXPAND
                        && a.script().equals(step.expandPath()));
                boolean part = partialStep.equals(Optional.of(step.to()));
                boolean undoneNow = doneThisRun.stream().anyMatch(a -> a.version().equals(step.to()));
                if (expanded || part || undoneNow) {
                    items.add(new PlanItem.ScriptItem(catalog.rollbackScript(step).orElseThrow()));
                    if (!undoneNow) {
                        toProbe.add(step);
                    }
                }
            }
            plan = items;
            try (Connection c = database.productConnection()) {
                dropped = new DroppedDataProbe(catalog).probe(c, toProbe);
                if (runId.isPresent() && dropped.stream().anyMatch(DroppedData::losesRows)) {
                    accepted = history.decisionsOfRun(c, ACCEPT_DATA_LOSS, runId.get()).stream().findFirst();
                }
            }
            new NodeGate(database, catalog).readForRollback(decision.to(), request.excludedNodes())
                    .map(NodeGate::rollbackCheck).ifPresent(checks::add);
        }
        PreflightReport report = new Preflight(database, catalog).check(NAME, inspection, checks, plan, lockHeld);
        return new Prepared(inspection, decision, plan, partial, doneThisRun, runId, report, dropped, accepted);
    }

    /** The step whose expand an interrupted run left part-way (journaled, not in the history), if any. */
    private Optional<Partial> partialStep(DatabaseState state, Inspection inspection) throws SQLException {
        if (state.phase() == Phase.ROLLING_BACK) {
            return state.runOptions().filter(o -> o.startsWith(PARTIAL)).map(o -> o.substring(PARTIAL.length()).split("@", 2))
                    .flatMap(v -> catalog.manifest().steps().stream().filter(s -> s.to().equals(Version.parse(v[0])))
                            .findFirst().map(s -> new Partial(s, v[1])));
        }
        if (state.phase() != Phase.EXPANDING || state.runId().isEmpty()) {
            return Optional.empty();
        }
        Version from = state.schemaVersion().orElse(catalog.baselineVersion());
        try (Connection c = database.productConnection()) {
            for (Step step : catalog.stepsBetween(from, state.targetVersion())) {
                boolean expanded = inspection.applied().stream().anyMatch(a -> a.kind() == ScriptKind.EXPAND
                        && a.script().equals(step.expandPath()));
                if (!expanded && !history.journal(c, state.runId().get(), step.expandPath()).isEmpty()) {
                    return Optional.of(new Partial(step, state.runId().get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The newest verified backup taken before the schema moved past its current release: the way back without rollback. */
    private Optional<BackupRecord> backupForThisRun(Inspection inspection) throws SQLException {
        if (inspection.state().isEmpty()) {
            return Optional.empty();
        }
        DatabaseState s = inspection.state().get();
        Version schema = s.schemaVersion().orElse(catalog.baselineVersion());
        try (Connection c = database.productConnection()) {
            return history.recentBackups(c, 50).stream()
                    .filter(b -> b.kind() == BackupRecord.Kind.BACKUP && b.file().isPresent() && b.schemaVersion()
                            .map(v -> s.phase() == Phase.CLEAN || s.phase() == Phase.CLEANING ? v.isOlderThan(schema)
                                    || (s.phase() == Phase.CLEANING && v.equals(schema)) : v.equals(schema))
                            .orElse(false))
                    .findFirst();
        }
    }

    /** Pure: whether and how far a rollback may run, from what the inspection found. */
    static Decision decide(Inspection inspection, Optional<Version> requested, String db,
            org.dbcreator.catalog.Catalog catalog, Optional<BackupRecord> backup) {
        PreflightCheck.Id check = PreflightCheck.Id.DATABASE_STATE;
        if (inspection.state().isEmpty()) {
            return Decision.refuse(PreflightCheck.red(check, "DatabaseCreator does not manage '" + db + "'.",
                    ErrorCode.DATABASE_NOT_MANAGED, new NextAction.Deploy(catalog.latestVersion())));
        }
        DatabaseState s = inspection.state().get();
        if (!s.product().equals(catalog.product())) {
            return Decision.refuse(PreflightCheck.red(check, "'" + db + "' holds product " + s.product()
                    + ", the catalog is for " + catalog.product() + ".", ErrorCode.PRODUCT_MISMATCH,
                    new NextAction.UseCatalogOf(s.product())));
        }
        Version schema = s.schemaVersion().orElse(catalog.baselineVersion());
        boolean refused = inspection.interruption().map(InterruptedStatement::refused).orElse(false);
        NextAction[] restore = backup.map(b -> new NextAction[] {new NextAction.RestoreBackupInstead(db, b.file().orElseThrow(),
                b.age())}).orElse(new NextAction[0]);
        String restoreWords = backup.map(b -> " The way back is to restore the backup taken for this run, "
                + b.file().orElseThrow() + " (" + ago(b.age()) + "): every write since then would be lost.")
                .orElse(" No backup is recorded for this run.");
        switch (s.phase()) {
            case DEPLOYING -> {
                return Decision.refuse(PreflightCheck.red(check, "A deploy of " + s.targetVersion() + " is unfinished;"
                        + " it is finished first.", ErrorCode.OPERATION_IN_PROGRESS,
                        new NextAction.Resume(OperationKind.DEPLOY, s.targetVersion(), refused)));
            }
            case CLEANING -> {
                return Decision.refuse(PreflightCheck.red(check, "The cleanup to " + s.targetVersion() + " has begun: what"
                        + " only older releases used is being dropped, and no rollback brings it back." + restoreWords,
                        ErrorCode.ROLLBACK_UNAVAILABLE, restore));
            }
            case CLEAN -> {
                if (requested.isPresent() && requested.get().equals(schema)) {
                    return Decision.nothing(PreflightCheck.green(check, "Already clean at " + schema
                            + ": nothing to roll back."), schema);
                }
                return Decision.refuse(PreflightCheck.red(check, "Clean at " + schema + ": nothing is expanded, so"
                        + " there is nothing a rollback undoes" + (schema.isNewerThan(catalog.baselineVersion())
                                ? " (the cleanup to " + schema + " ran)." : ".") + restoreWords,
                        ErrorCode.ROLLBACK_UNAVAILABLE, restore));
            }
            default -> { }
        }
        if (!catalog.knows(s.targetVersion())) {
            return Decision.refuse(PreflightCheck.red(check, "Expanded to " + s.targetVersion() + ", which this catalog"
                    + " does not know.", ErrorCode.DATABASE_NEWER_THAN_CATALOG,
                    new NextAction.UseMatchingRelease(s.targetVersion())));
        }
        if (s.phase() == Phase.ROLLING_BACK) {
            Version to = s.targetVersion();
            if (requested.isPresent() && !requested.get().equals(to)) {
                return Decision.refuse(PreflightCheck.red(check, "An interrupted rollback to " + to + " is unfinished;"
                        + " it is resumed to its own target first.", ErrorCode.OPERATION_IN_PROGRESS,
                        new NextAction.Resume(OperationKind.ROLLBACK, to, refused)));
            }
            Version newest = catalog.latestVersion();
            return plan(catalog, to, newest, PreflightCheck.amber(check, "An interrupted rollback to " + to
                    + " will be resumed" + inspection.whereInterrupted() + "."), restoreWords, restore);
        }
        Version expandedTo = s.targetVersion();
        Version to = requested.orElse(schema);
        if (to.isOlderThan(schema)) {
            return Decision.refuse(PreflightCheck.red(check, "The schema is fully at " + schema + ": the cleanups up to"
                    + " it ran, and no rollback goes below it." + restoreWords, ErrorCode.ROLLBACK_UNAVAILABLE, restore));
        }
        if (!to.isOlderThan(expandedTo)) {
            return Decision.refuse(PreflightCheck.red(check, "'" + db + "' is " + (s.phase() == Phase.EXPANDING
                    ? "expanding" : "expanded") + " to " + expandedTo + ": a rollback returns to a release older than"
                    + " that, from " + schema + " on.", ErrorCode.INVALID_ARGUMENT, new NextAction.Rollback(schema)));
        }
        String range = schema + " -> " + expandedTo;
        PreflightCheck green = s.phase() == Phase.EXPANDING
                ? PreflightCheck.amber(check, "The expand " + range + " was interrupted" + inspection.whereInterrupted()
                        + "; the rollback undoes what it did, back to " + to + ".")
                : PreflightCheck.green(check, "Expanded " + range + "; roll back to " + to + ".");
        return plan(catalog, to, expandedTo, green, restoreWords, restore);
    }

    /** Every step from {@code to} up must carry a rollback script; newest first. */
    private static Decision plan(org.dbcreator.catalog.Catalog catalog, Version to, Version expandedTo,
            PreflightCheck check, String restoreWords, NextAction[] restore) {
        List<Step> steps = new ArrayList<>(catalog.stepsBetween(to, expandedTo));
        java.util.Collections.reverse(steps);
        for (Step step : steps) {
            if (step.rollbackPath().isEmpty()) {
                return Decision.refuse(PreflightCheck.red(PreflightCheck.Id.DATABASE_STATE, "The step " + step
                        + " has no rollback script, so there is no way back past " + step.to() + " without a backup."
                        + restoreWords, ErrorCode.ROLLBACK_UNAVAILABLE, restore));
            }
        }
        return new Decision(true, false, to, steps, check);
    }

    static String ago(Duration age) {
        long m = age.toMinutes();
        return m < 1 ? "taken " + age.toSeconds() + " s ago" : m < 120 ? "taken " + m + " min ago"
                : "taken " + age.toHours() + " h ago";
    }

    private UpgradeResult rollback(Prepared p, RollbackRequest request, Instant started) throws SQLException {
        DatabaseState state = p.inspection().state().orElseThrow();
        boolean resuming = state.phase() == Phase.ROLLING_BACK;
        Version schema = state.schemaVersion().orElse(catalog.baselineVersion());
        Version to = p.to();
        cancellation.throwIfCancelled();
        String runId = resuming ? state.runId().orElseThrow() : UUID.randomUUID().toString();
        Optional<String> options = p.partial().map(Partial::option);
        try (Connection c = database.productConnection()) {
            history.createTables(c);
            List<DroppedData> lost = p.dropped().stream().filter(DroppedData::losesRows).toList();
            String lostWords = String.join("; ", lost.stream().map(DroppedData::describe).toList());
            if (!lost.isEmpty() && p.accepted().isPresent()) {
                AuditEntry a = p.accepted().get();
                listener.onEvent(new ProgressEvent.Notice("The loss of " + lostWords + " was accepted by " + a.operator()
                        + " at " + a.at() + " for this run " + AuditEntry.runMarker(runId) + "; it is not asked again."));
            } else if (!lost.isEmpty()) {
                // the run is named early in the detail, which the audit cuts at 1024 characters: its resume finds it
                history.recordDecision(c, installedBy, ACCEPT_DATA_LOSS, "Rollback " + p.from() + " -> " + to + " "
                        + AuditEntry.runMarker(runId) + " drops data only the newer release wrote, accepted: "
                        + lostWords + ".");
            }
            for (String node : request.excludedNodes()) {
                history.recordDecision(c, installedBy, "EXCLUDE_NODE", "Node '" + node + "' excluded from the rollback"
                        + " gate of " + p.from() + " -> " + to + " as gone for good.");
            }
            // From here on no release newer than the one returned to may run: what it uses is being dropped.
            writeState(c, Optional.of(state.phase()), new DatabaseState(state.product(), state.schemaVersion(), to,
                    Phase.ROLLING_BACK, Optional.of(state.lowestRelease().orElse(schema)), Optional.of(to),
                    Optional.of(runId), resuming ? state.runOptions() : options, Instant.now()));
            listener.onEvent(new ProgressEvent.Notice((resuming ? "Resuming the rollback " : "Rolling back ") + p.from()
                    + " -> " + to + "; only nodes of " + to + " or older may run now."));
            finishPartialExpand(c, p);
            RunContext run = new RunContext(runId, NAME.name(), database.databaseName(), installedBy);
            int applied = new PlanExecutor(c, history, run, listener, BatchPace.FULL_SPEED, cancellation)
                    .apply(p.plan(), p.doneThisRun());
            Version lowest = state.lowestRelease().orElse(schema);
            DatabaseState end = to.equals(schema) ? DatabaseState.clean(state.product(), schema)
                    : new DatabaseState(state.product(), state.schemaVersion(), to, Phase.EXPANDED, Optional.of(lowest),
                            Optional.of(to), Optional.empty(), Optional.empty(), Instant.now());
            writeState(c, Optional.of(Phase.ROLLING_BACK), end);
            listener.onEvent(new ProgressEvent.Notice(to.equals(schema) ? "Rolled back: clean at " + to + "."
                    : "Rolled back to " + to + ": nodes of " + lowest + " to " + to + " may run."));
            return result(p, resuming ? UpgradeResult.Outcome.RESUMED : UpgradeResult.Outcome.APPLIED, applied, started,
                    Optional.empty());
        }
    }

    /**
     * An expand script an interrupted run left part-way is finished first, in that run's journal
     * (its statements are resumed, never guessed at), so that its rollback script, written for the
     * whole expand, undoes it whole. Its data migrations are not run: the rollback drops what they fill.
     */
    private void finishPartialExpand(Connection c, Prepared p) throws SQLException {
        if (p.partial().isEmpty()) {
            return;
        }
        Step step = p.partial().get().step();
        boolean expanded = history.applied(c).stream().anyMatch(a -> a.kind() == ScriptKind.EXPAND
                && a.script().equals(step.expandPath()));
        boolean undone = p.doneThisRun().stream().anyMatch(a -> a.version().equals(step.to()));
        if (expanded || undone) {
            return;
        }
        listener.onEvent(new ProgressEvent.Notice("The expand " + step + " stopped part-way: its script is finished"
                + " first, so that its rollback script undoes it whole."));
        RunContext expand = new RunContext(p.partial().get().expandRunId(), OperationKind.UPGRADE.name(),
                database.databaseName(), installedBy);
        new ScriptRunner(c, history, expand, listener, cancellation).apply(catalog.expandScript(step), 1, 1);
    }

    private UpgradeResult result(Prepared p, UpgradeResult.Outcome outcome, int applied, Instant started,
            Optional<PlanPreview> preview) {
        return new UpgradeResult(database.databaseName(), NAME, p.from(), p.to(), outcome, applied,
                Math.max(0, p.plan().size() - applied), Duration.between(started, Instant.now()), p.checks(), preview,
                p.dropped(), p.accepted());
    }

    private record Prepared(Inspection inspection, Decision decision, List<PlanItem> plan, Optional<Partial> partial,
            List<AppliedScript> doneThisRun, Optional<String> runId, PreflightReport checks, List<DroppedData> dropped,
            Optional<AuditEntry> accepted) {
        /** The release the schema is expanded to (or was expanding to) as the rollback begins. */
        Version from() {
            return inspection.state().filter(s -> s.phase() != Phase.ROLLING_BACK).map(DatabaseState::targetVersion)
                    .or(() -> plan.stream().map(PlanItem::version).findFirst()).orElse(to());
        }

        Version to() {
            return decision.to();
        }
    }

    /**
     * @param runs the rollback would run
     * @param to the release returned to
     * @param steps the steps to undo, newest first
     */
    record Decision(boolean runs, boolean nothing, Version to, List<Step> steps, PreflightCheck check) {
        static Decision refuse(PreflightCheck red) {
            return new Decision(false, false, null, List.of(), red);
        }

        static Decision nothing(PreflightCheck green, Version at) {
            return new Decision(false, true, at, List.of(), green);
        }
    }
}
