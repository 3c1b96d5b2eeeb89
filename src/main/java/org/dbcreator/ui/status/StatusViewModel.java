package org.dbcreator.ui.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.engine.InterruptedStatement;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.PlannedStep;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.engine.StatusFinding;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.Phase;
import org.dbcreator.ui.app.ActionWords;
import org.dbcreator.ui.app.CliEquivalent;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.JourneySteps;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.app.PageModel;
import org.dbcreator.ui.app.StepName;
import org.dbcreator.ui.app.UiExecutor;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.DatabaseStatus;
import org.dbcreator.ui.service.DryRun;
import org.dbcreator.ui.service.WizardService;

/** The Status page, read-only: what the database says about its versions, phase, checks, nodes and history. */
public final class StatusViewModel implements PageModel {

    private final WizardService service;
    private final UiExecutor executor;
    private final Navigation navigation;
    private final Consumer<DatabaseStatus> read;

    private final ObjectProperty<ConnectedDatabase> database = new SimpleObjectProperty<>();
    private final ObjectProperty<DatabaseStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<Journey> journey = new SimpleObjectProperty<>(Journey.UPGRADE);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper versions = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sentence = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper range = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nodesSummary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<NextAction> nextAction = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper nextActionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextActionCommand = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextActionRefused = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lockHeld = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper checksHeading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper interrupted = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper otherRun = new ReadOnlyStringWrapper("");
    private final ObservableList<String> hops = FXCollections.observableArrayList();
    private final ObservableList<PreflightCheck> checks = FXCollections.observableArrayList();
    private final ObservableList<AppliedScript> history = FXCollections.observableArrayList();
    private Map<String, String> stepDescriptions = Map.of(); // of the last report read, for the history's rows
    private final ObservableList<NodeStatus> nodes = FXCollections.observableArrayList();
    private final ObservableList<String> findings = FXCollections.observableArrayList();
    private final ObservableList<String> previewLines = FXCollections.observableArrayList();
    /** How often the page reads again while another process holds the lock. */
    static final Duration FOLLOW = Duration.ofSeconds(3);
    private UiExecutor.Repeating following;
    private boolean startingToFollow;
    private boolean left; // the page was left: a read landing late must not start following
    private final javafx.beans.binding.BooleanBinding deployable = Bindings.createBooleanBinding(
            () -> status.get() != null && deployable(status.get().report()), status);
    private final javafx.beans.binding.ObjectBinding<Primary> primaryAction = Bindings.createObjectBinding(
            this::primaryAction, status, journey, deployable, nextActionRefused, lockHeld);

    /** @param read told of every status read, so that the sidebar follows the database */
    public StatusViewModel(WizardService service, UiExecutor executor, Navigation navigation,
            Consumer<DatabaseStatus> read) {
        this.service = service;
        this.executor = executor;
        this.navigation = navigation;
        this.read = read;
    }

    /** Reads the open database's state now. */
    public void load(ConnectedDatabase connected) {
        database.set(connected);
        left = false;
        busy.set(true);
        executor.run(service::status, loaded -> {
            busy.set(false);
            show(loaded);
            navigation.log(Messages.get("log.statusRead", loaded.report().database(), loaded.readIn().toMillis()));
            read.accept(loaded);
        }, failure -> {
            busy.set(false);
            navigation.showError(failure);
        });
    }

    /** Reads the dry run of the next deploy or expand: every statement, and the lint's verdict. Changes nothing. */
    public void preview() {
        if (database.get() == null || busy.get()) {
            return;
        }
        busy.set(true);
        executor.run(service::preview, dryRun -> {
            busy.set(false);
            previewLines.setAll(previewLines(dryRun));
        }, failure -> {
            busy.set(false);
            navigation.showError(failure);
        });
    }

    static List<String> previewLines(DryRun dryRun) {
        List<String> lines = new java.util.ArrayList<>();
        dryRun.checks().checks().stream().filter(c -> c.id() == PreflightCheck.Id.EXPAND_SAFETY).forEach(c -> lines.add(
                Messages.get("status.preview.lint", Messages.get("verdict." + c.verdict().name()), c.evidence())));
        dryRun.plan().ifPresent(plan -> plan.items().forEach(item -> {
            lines.add(Messages.get("status.preview.script", item.version(), item.kind().toLowerCase(java.util.Locale.ROOT),
                    item.location()));
            item.statements().forEach(st -> lines.add(Messages.get(st.done() ? "status.preview.done" : "status.preview.statement",
                    st.line(), st.sql())));
        }));
        if (dryRun.plan().map(p -> p.items().isEmpty()).orElse(true)) {
            lines.add(Messages.get("status.preview.nothing"));
        }
        return lines;
    }

    /** The last preview's lines: the lint's verdict, then each script and its statements. */
    public ObservableList<String> previewLines() {
        return previewLines;
    }

    public void refresh() {
        if (database.get() != null && !busy.get()) {
            load(database.get());
        }
    }

    private void show(DatabaseStatus loaded) {
        status.set(loaded);
        StatusReport r = loaded.report();
        versions.set(r.schemaVersion().map(Version::toString).orElse(Messages.get("status.noVersion")) + "  \u2192  "
                + r.phaseTarget().orElse(r.targetVersion()));
        sentence.set(sentence(r));
        hops.setAll(r.plannedSteps().stream().map(StatusViewModel::step).toList());
        range.set(range(r));
        checks.setAll(r.checks().map(c -> c.checks()).orElse(List.of()));
        stepDescriptions = r.stepDescriptions();
        List<AppliedScript> newestFirst = new java.util.ArrayList<>(r.history());
        java.util.Collections.reverse(newestFirst);
        history.setAll(newestFirst);
        nodes.setAll(loaded.nodes().map(GateReport::nodes).orElse(List.of()));
        nodesSummary.set(nodesSummary(loaded.nodes(), r.phase().filter(p -> p == Phase.CLEAN).isPresent()));
        findings.setAll(r.findings().stream().map(StatusFinding::text).toList());
        nextAction.set(r.nextAction());
        nextActionText.set(ActionWords.text(r.nextAction()));
        nextActionCommand.set(ActionWords.command(r.nextAction(), database.get()).orElse(""));
        nextActionRefused.set(refusal(r).orElse(""));
        lockHeld.set(lockHeld(r).orElse(""));
        checksHeading.set(r.checks().map(c -> Messages.get("status.checks.of",
                Messages.get("operation." + c.operation().name()))).orElse(Messages.get("status.checks")));
        // an interrupted run is the call to action: what resumes it, then where it stopped (when a
        // statement never recorded its end; a run that died between statements has no such place)
        String where = r.interrupted().map(at -> interrupted(at, r.stepDescription(at.script()).orElse(""))).orElse("");
        interrupted.set(r.nextAction() instanceof NextAction.Resume resume
                ? (ActionWords.text(resume) + " " + where).strip() : where);
        if (!lockHeld.get().isEmpty()) {
            // the run is alive in another process: no Resume, but how far it has got, as its journal says
            loaded.otherRun().ifPresent(run -> sentence.set(Messages.get("status.otherRun.sentence", runName(run))));
            interrupted.set("");
        }
        otherRun.set(lockHeld.get().isEmpty() ? "" : loaded.otherRun().map(StatusViewModel::otherRun).orElse(""));
        follow();
    }

    /** While another process holds the lock, reads again every few seconds; stops once it is released. */
    private void follow() {
        if (lockHeld.get().isEmpty()) {
            stopFollowing();
            return;
        }
        if (following != null || startingToFollow || left) {
            return;
        }
        startingToFollow = true;
        try {
            following = executor.repeat(FOLLOW, service::statusPoll, this::followed, failure -> {
                stopFollowing();
                navigation.showError(failure);
            });
        } finally {
            startingToFollow = false;
        }
        if (lockHeld.get().isEmpty()) { // the first read already found it released
            stopFollowing();
        }
    }

    private void followed(DatabaseStatus loaded) {
        if (following == null && !startingToFollow) {
            return; // stopped: an outcome already on its way
        }
        show(loaded);
        read.accept(loaded);
    }

    /** Stops following another operator's run (the page is left). */
    public void close() {
        left = true;
        stopFollowing();
    }

    private void stopFollowing() {
        if (following != null) {
            following.stop();
            following = null;
        }
    }

    /** True while the page reads again every few seconds, following another process's run. */
    public boolean isFollowing() {
        return following != null;
    }

    static String runName(org.dbcreator.engine.RunProgress run) {
        return Messages.get("status.otherRun.run." + run.phase().name(), run.target());
    }

    /** "Its run (expand to 4.3.0) is at 4.3.0/expand.sql statement 3 of 7 (done), written 4 s ago, as its journal says." */
    static String otherRun(org.dbcreator.engine.RunProgress run) {
        String name = runName(run);
        if (run.newest().isEmpty()) {
            return Messages.get("status.otherRun.noJournal", name);
        }
        org.dbcreator.history.JournalEntry at = run.newest().get();
        String outcome = Messages.get("status.otherRun.outcome." + at.outcome().name());
        String ago = age(run.written().orElse(Duration.ZERO));
        if (run.atBatch()) {
            return Messages.get("status.otherRun.batch", name, StepName.of(at.script(), run.description()),
                    at.index() + 1, outcome, ago);
        }
        return run.statements().isPresent()
                ? Messages.get("status.otherRun.statement", name, at.script(), at.index() + 1, run.statements().getAsInt(),
                        outcome, ago)
                : Messages.get("status.otherRun.statementOf", name, at.script(), at.index() + 1, outcome, ago);
    }

    /**
     * Why the account cannot take the next action: the red privileges check of the operation it
     * starts, with the grant that fixes it. Empty when the account may, or nothing is to be done.
     */
    static Optional<String> refusal(StatusReport r) {
        if (r.nextAction() instanceof NextAction.Nothing) {
            return Optional.empty();
        }
        return r.checks().flatMap(report -> report.checks().stream()
                .filter(c -> c.id() == PreflightCheck.Id.PRIVILEGES && c.isRed()).findFirst()
                .map(c -> Messages.get("status.next.refused", Messages.get("operation." + report.operation().name()),
                        c.evidence(), c.fix().stream().map(ActionWords::text).collect(java.util.stream.Collectors.joining(" ")))));
    }

    /** Another operator's run: the red operator-lock check's evidence (who holds it) and its fix. */
    static Optional<String> lockHeld(StatusReport r) {
        return r.checks().flatMap(report -> report.checks().stream()
                .filter(c -> c.id() == PreflightCheck.Id.OPERATOR_LOCK && c.isRed()).findFirst()
                .map(c -> Messages.get("status.lockHeld", c.evidence(),
                        c.fix().stream().map(ActionWords::text).collect(java.util.stream.Collectors.joining(" ")))));
    }

    static String step(PlannedStep step) {
        return step.from().map(from -> Messages.get("status.step", from, step.to()) + "  \u00b7  "
                + Messages.get(step.rollbackAvailable() ? "status.step.wayBack" : "status.step.noWayBack"))
                .orElseGet(() -> Messages.get("status.step.baseline", step.to()));
    }

    /** @param description a Java step's own words, empty for a SQL script */
    static String interrupted(InterruptedStatement at, String description) {
        String step = StepName.withClass(at.script(), description);
        return at.refused() ? Messages.get("status.interruptedRefused", step, at.line(), at.statement(),
                at.serverError().orElse("?")) : Messages.get("status.interruptedAt", step, at.line(), at.statement());
    }

    /** A history row's step as the wizard names it: a Java step by its words, not its class's full name. */
    public String stepName(AppliedScript applied) {
        return StepName.withClass(applied.script(), stepDescriptions.getOrDefault(applied.script(), ""));
    }

    /** The phase in one sentence an operator can act on. */
    public static String sentence(StatusReport r) {
        String db = r.database();
        return switch (r.condition()) {
            case ABSENT -> Messages.get("status.sentence.absent", db, r.targetVersion());
            case EMPTY -> Messages.get("status.sentence.empty", db, r.targetVersion());
            case FOREIGN -> Messages.get("status.sentence.foreign", db);
            case MANAGED -> managed(r);
        };
    }

    private static String managed(StatusReport r) {
        Phase phase = r.phase().orElse(Phase.CLEAN);
        String at = r.schemaVersion().map(Version::toString).orElse("?");
        String to = r.phaseTarget().orElse(r.targetVersion()).toString();
        return switch (phase) {
            case DEPLOYING -> Messages.get("status.sentence.deploying", to);
            case EXPANDING -> Messages.get("status.sentence.expanding", at, to);
            case EXPANDED -> Messages.get("status.sentence.expanded", at, to);
            case CLEANING -> Messages.get("status.sentence.cleaning", to);
            case ROLLING_BACK -> Messages.get("status.sentence.rollingBack", to);
            case CLEAN -> r.plannedSteps().isEmpty() ? Messages.get("status.sentence.current", at)
                    : Messages.get("status.sentence.behind", at, r.targetVersion(), r.plannedSteps().size());
        };
    }

    /** The releases nodes may run: "Nodes of release 4.0.0 may run now", or a range once expanded. */
    static String range(StatusReport r) {
        if (r.lowestRelease().isEmpty()) {
            return Messages.get("status.noRange");
        }
        Version low = r.lowestRelease().get();
        return r.highestRelease().filter(high -> !high.equals(low))
                .map(high -> Messages.get("status.range", low, high)).orElseGet(() -> Messages.get("status.range.one", low));
    }

    /**
     * The registry in a sentence: how many nodes and how alive, then, for a clean database, whether
     * they run the newest release it allows; else whether the cleanup's gate is open.
     */
    static String nodesSummary(Optional<GateReport> gate, boolean clean) {
        if (gate.isEmpty()) {
            return Messages.get("status.nodes.none");
        }
        GateReport g = gate.get();
        long stale = g.nodes().stream().filter(n -> n.liveness() == NodeStatus.Liveness.STALE).count();
        long down = g.nodes().stream().filter(n -> n.liveness() == NodeStatus.Liveness.DOWN).count();
        if (g.nodes().isEmpty()) {
            return Messages.get("status.nodes.noneRegistered");
        }
        String verdict = clean
                ? g.isOpen() ? Messages.get("status.nodes.cleanReady", g.target())
                        : Messages.get("status.nodes.cleanNotReady", g.blockers().size(), g.target())
                : Messages.get("status.nodes.gate", g.target(), g.isOpen() ? Messages.get("status.gate.open")
                        : Messages.get("status.gate.shut", g.blockers().size()));
        return Messages.get("status.nodes.count", g.nodes().size(), g.live(), stale, down) + " " + verdict;
    }

    /** A heartbeat age as people read it: "3 s", "2 min", "5 h". */
    public static String age(Duration age) {
        long s = Math.max(0, age.toSeconds());
        return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s / 3600 + " h";
    }

    /**
     * Whether the Deploy page may be offered: the database is absent or empty, or a deploy stopped
     * half way (the Deploy page resumes it).
     */
    public static boolean deployable(StatusReport r) {
        return r.condition() == StatusReport.Condition.ABSENT || r.condition() == StatusReport.Condition.EMPTY
                || r.condition() == StatusReport.Condition.MANAGED && r.phase().filter(p -> p == Phase.DEPLOYING).isPresent();
    }

    /** Opens the Deploy page, when the database is one a deploy may fill. */
    public void deploy() {
        if (deployable.get() && !busy.get()) {
            navigation.showDeploy();
        }
    }

    /**
     * What the primary button does here: the inspect journey moves on to its report, the deploy
     * journey to the deploy, the upgrade journey goes on where the database stands; else read again.
     */
    public enum Primary { REFRESH, REPORT, DEPLOY, BACKUP_THEN_EXPAND, RESUME_EXPAND, RESTART_NODES, CLEANUP, RESUME_CLEANUP }

    /** The primary action, from the last status read: an interrupted expand resumes on Expand, a behind database is backed up first. */
    public javafx.beans.binding.ObjectBinding<Primary> primaryActionProperty() {
        return primaryAction;
    }

    private Primary primaryAction() {
        DatabaseStatus s = status.get();
        if (journey.get() == Journey.INSPECT) {
            return Primary.REPORT;
        }
        if (journey.get() == Journey.DEPLOY) {
            return deployable.get() ? Primary.DEPLOY : Primary.REFRESH;
        }
        if (s == null || !nextActionRefused.get().isEmpty() || !lockHeld.get().isEmpty()) {
            return Primary.REFRESH;
        }
        NextAction next = s.report().nextAction();
        if (next instanceof NextAction.Resume r && !r.fixRefusedStatementFirst()) {
            if (r.operation() == org.dbcreator.engine.OperationKind.UPGRADE) {
                return Primary.RESUME_EXPAND;
            }
            if (r.operation() == org.dbcreator.engine.OperationKind.CLEANUP) {
                return Primary.RESUME_CLEANUP;
            }
        }
        if (next instanceof NextAction.Upgrade) {
            return Primary.BACKUP_THEN_EXPAND;
        }
        if (s.report().phase().filter(p -> p == Phase.EXPANDED).isPresent()) {
            return JourneySteps.nodesRestarted(s.report().phase(), s.nodes()) ? Primary.CLEANUP : Primary.RESTART_NODES;
        }
        return Primary.REFRESH;
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return Bindings.createStringBinding(() -> Messages.get(switch (primaryAction.get()) {
            case REFRESH -> "status.primary";
            case REPORT -> "status.primary.report";
            case DEPLOY -> "status.primary.deploy";
            case BACKUP_THEN_EXPAND -> "status.primary.backupExpand";
            case RESUME_EXPAND -> "status.primary.resume";
            case RESTART_NODES -> "status.primary.restartNodes";
            case CLEANUP -> "status.primary.cleanup";
            case RESUME_CLEANUP -> "status.primary.resumeCleanup";
        }), primaryAction);
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return busy;
    }

    @Override
    public ObservableStringValue cliLine() {
        return Bindings.createStringBinding(() -> database.get() == null ? "" : switch (primaryAction.get()) {
            case BACKUP_THEN_EXPAND -> CliEquivalent.of("backup", database.get());
            case RESUME_EXPAND -> CliEquivalent.of("upgrade", database.get());
            case RESTART_NODES -> CliEquivalent.of("nodes", database.get());
            case CLEANUP -> CliEquivalent.of("cleanup", database.get());
            case RESUME_CLEANUP -> CliEquivalent.of("cleanup", database.get());
            case REPORT -> CliEquivalent.of("report", database.get(), "--to", database.get().database() + "-report.html");
            case DEPLOY -> CliEquivalent.of("deploy", database.get());
            case REFRESH -> CliEquivalent.of("status", database.get());
        }, database, primaryAction);
    }

    /** The primary action the journey and the database's state pick (see {@link Primary}). */
    @Override
    public void primary() {
        switch (primaryAction.get()) {
            case REPORT -> exportReport();
            case DEPLOY -> deploy();
            case BACKUP_THEN_EXPAND -> navigation.showBackup();
            case RESUME_EXPAND -> navigation.showExpand();
            case RESTART_NODES -> navigation.showRestartNodes();
            case CLEANUP, RESUME_CLEANUP -> navigation.showCleanup();
            case REFRESH -> refresh();
        }
    }

    /** Opens the Report page: the support report of this database, to attach to a ticket. */
    public void exportReport() {
        if (database.get() != null) {
            navigation.showReport();
        }
    }

    /** The journey the window is on, which picks the primary action. */
    public ObjectProperty<Journey> journeyProperty() {
        return journey;
    }

    /** True when the open database is absent or empty (or a deploy stopped half way): "Deploy…" is offered. */
    public javafx.beans.binding.BooleanBinding deployableProperty() {
        return deployable;
    }

    public ObjectProperty<ConnectedDatabase> databaseProperty() {
        return database;
    }

    public ObjectProperty<DatabaseStatus> statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty versionsProperty() {
        return versions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sentenceProperty() {
        return sentence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rangeProperty() {
        return range.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nodesSummaryProperty() {
        return nodesSummary.getReadOnlyProperty();
    }

    /** The engine's typed next action, as last read. */
    public ObjectProperty<NextAction> nextActionProperty() {
        return nextAction;
    }

    /** The next action in the wizard's words. */
    public ReadOnlyStringProperty nextActionTextProperty() {
        return nextActionText.getReadOnlyProperty();
    }

    /** The command that does the next action; empty when it is a step outside the tool. */
    public ReadOnlyStringProperty nextActionCommandProperty() {
        return nextActionCommand.getReadOnlyProperty();
    }

    /** Who runs an operation on this database now, and what to do; empty when nobody does. */
    public ReadOnlyStringProperty lockHeldProperty() {
        return lockHeld.getReadOnlyProperty();
    }

    /** Why this account cannot take the next action (its grants); empty when it can. */
    public ReadOnlyStringProperty nextActionRefusedProperty() {
        return nextActionRefused.getReadOnlyProperty();
    }

    /** "Pre-flight checks of the expand", naming the operation they are for. */
    public ReadOnlyStringProperty checksHeadingProperty() {
        return checksHeading.getReadOnlyProperty();
    }

    /**
     * While another process holds the lock: how far its run has got, as its journal says (shown
     * with the holder, in place of a Resume); empty otherwise.
     */
    public ReadOnlyStringProperty otherRunProperty() {
        return otherRun.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty interruptedProperty() {
        return interrupted.getReadOnlyProperty();
    }

    public ObservableList<String> hops() {
        return hops;
    }

    public ObservableList<PreflightCheck> checks() {
        return checks;
    }

    public ObservableList<AppliedScript> history() {
        return history;
    }

    public ObservableList<NodeStatus> nodes() {
        return nodes;
    }

    public ObservableList<String> findings() {
        return findings;
    }
}
