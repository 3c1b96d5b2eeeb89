package org.dbcreator.ui.expand;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.app.PageModel;
import org.dbcreator.ui.app.ProgressCoalescer;
import org.dbcreator.ui.app.ProgressText;
import org.dbcreator.ui.app.StepName;
import org.dbcreator.ui.app.UiExecutor;
import org.dbcreator.ui.service.DryRun;
import org.dbcreator.ui.service.ExpandPace;
import org.dbcreator.ui.service.ExpandPosition;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.WizardService;
import org.dbcreator.ui.app.CliEquivalent;

/**
 * The Expand page: the plan's scripts and statements with their marks, the overall progress, the
 * running statement, a backfill's rows, the sessions blocking a lock wait, the live log; Start or
 * Resume with a pace, Cancel. What it shows before and after a run is read from the server.
 */
public final class ExpandViewModel implements PageModel {

    /** The live log keeps this many lines; the log drawer and the log file keep them all. */
    static final int LOG_LINES = 2000;

    public enum State { LOADING, READY, RUNNING, CANCELLING, STOPPED, EXPANDED, FAILED }

    private final WizardService service;
    private final UiExecutor executor;
    private final Navigation navigation;

    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
    private final BooleanProperty nodesRestarted = new SimpleBooleanProperty(false);
    private final ObjectProperty<ConnectedDatabase> database = new SimpleObjectProperty<>();
    private final ObjectProperty<ExpandPace> pace = new SimpleObjectProperty<>(ExpandPace.BALANCED);
    private final ObservableList<ExpandRow> rows = FXCollections.observableArrayList();
    private final DoubleProperty overall = new SimpleDoubleProperty();
    private final StringProperty overallText = new SimpleStringProperty("");
    private final StringProperty running = new SimpleStringProperty("");
    private final DoubleProperty backfill = new SimpleDoubleProperty(-1);
    private final StringProperty backfillText = new SimpleStringProperty("");
    private final StringProperty lockWait = new SimpleStringProperty("");
    private final ObservableList<ProgressEvent.Blocker> blockers = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final StringProperty outcome = new SimpleStringProperty("");
    private final StringProperty abortLock = new SimpleStringProperty(Messages.get("abort.notNow"));
    private final StringProperty abortText = new SimpleStringProperty(Messages.get("abort.notNow"));
    private final javafx.beans.binding.BooleanBinding abortAllowed = Bindings.createBooleanBinding(
            () -> abortLock.get().isEmpty() && (state.get() == State.EXPANDED || state.get() == State.STOPPED),
            abortLock, state);

    private Cancellation cancellation = Cancellation.none();
    private Instant runStarted;
    private int scriptNumber;
    private int scriptTotal;
    private int statementIndex;
    private int statementTotal;
    private String runningExcerpt = "";
    private Instant runningSince;
    private Instant migrationStarted;
    private long migrationDone;
    private OptionalLong migrationExpected = OptionalLong.empty();
    /** The plan's Java steps by class name, as the page names them (their descriptions); from the last preview. */
    private Map<String, String> stepNames = Map.of();

    public ExpandViewModel(WizardService service, UiExecutor executor, Navigation navigation) {
        this.service = service;
        this.executor = executor;
        this.navigation = navigation;
        state.addListener((o, was, now) -> readAbort(now));
    }

    /** Expanded, or an expand stopped part-way: whether a rollback may run now is read from its dry run. */
    private void readAbort(State now) {
        if (now != State.EXPANDED && now != State.STOPPED) {
            abortLock.set(Messages.get("abort.notNow"));
            abortText.set(abortLock.get());
            return;
        }
        abortLock.set(Messages.get("abort.reading"));
        abortText.set(abortLock.get());
        executor.run(service::rollbackPreview, plan -> {
            abortLock.set(plan.reason().map(r -> plan.nodesToRestart().isEmpty() ? Messages.get("abort.unavailable", r)
                    : plan.excludable().containsAll(plan.nodesToRestart()) ? "" // gone nodes: excluded on the Abort page
                    : Messages.get("abort.nodes", String.join(", ", plan.nodesToRestart()), plan.to())).orElse(""));
            abortText.set(abortLock.get().isEmpty() ? Messages.get("abort.allowed", plan.to()) : abortLock.get());
        }, failure -> {
            abortLock.set(Messages.get("abort.unavailable", String.valueOf(failure.getMessage())));
            abortText.set(abortLock.get());
        });
    }

    /** Leaves for the Abort upgrade page, when a rollback may run now. */
    public void abort() {
        if (abortAllowed.get()) {
            navigation.showRollback();
        }
    }

    /** Why Abort upgrade is disabled; empty when it is enabled. */
    public StringProperty abortLockProperty() {
        return abortLock;
    }

    /** What Abort upgrade would do, or why it is disabled. */
    public StringProperty abortTextProperty() {
        return abortText;
    }

    public javafx.beans.binding.BooleanBinding abortAllowed() {
        return abortAllowed;
    }

    /** Shows the plan as the server has it now (done statements marked), and where an interrupted run stands. */
    public void open() {
        if (isRunning()) {
            return;
        }
        state.set(State.LOADING);
        outcome.set("");
        executor.run(() -> new Loaded(service.preview(), service.expandPosition()), loaded -> {
            rows.setAll(rowsOf(loaded.dryRun()));
            stepNames = stepNames(loaded.dryRun());
            boolean nothing = rows.isEmpty();
            loaded.position().ifPresentOrElse(p -> {
                outcome.set(stoppedAt(p, stepNames));
                state.set(State.STOPPED);
            }, () -> state.set(nothing ? State.EXPANDED : State.READY));
            if (nothing && loaded.position().isEmpty()) {
                outcome.set(Messages.get("expand.nothing"));
                overall.set(1);
            }
        }, failure -> {
            state.set(State.FAILED);
            navigation.showError(failure);
        });
    }

    private record Loaded(DryRun dryRun, Optional<ExpandPosition> position) {}

    static List<ExpandRow> rowsOf(DryRun dryRun) {
        List<ExpandRow> list = new ArrayList<>();
        dryRun.plan().ifPresent(plan -> plan.items().forEach(item -> {
            list.add(new ExpandRow(item.name(), -1, Messages.get("expand.row.script", item.version(),
                    item.kind().toLowerCase(Locale.ROOT), StepName.of(item.name(), item.description())),
                    item.applied() ? ExpandRow.Mark.DONE
                    : ExpandRow.Mark.PENDING));
            for (int i = 0; i < item.statements().size(); i++) {
                var st = item.statements().get(i);
                list.add(new ExpandRow(item.name(), i, Messages.get("expand.row.statement", st.line(), oneLine(st.sql())),
                        item.applied() || st.done() ? ExpandRow.Mark.DONE : ExpandRow.Mark.PENDING));
            }
        }));
        return list;
    }

    private static String oneLine(String sql) {
        String line = sql.replaceAll("\\s+", " ").strip();
        return line.length() > 110 ? line.substring(0, 109) + "\u2026" : line;
    }

    /** The Java steps of the plan, class name to description (the journal names them by class). */
    static Map<String, String> stepNames(DryRun dryRun) {
        Map<String, String> names = new HashMap<>();
        dryRun.plan().ifPresent(plan -> plan.items().stream().filter(i -> StepName.isJava(i.description()))
                .forEach(i -> names.put(i.name(), i.description())));
        return names;
    }

    /**
     * Where an interrupted expand stands, in the admin's words: a data migration by its description
     * when {@code stepNames} (from the plan) has it.
     */
    static String stoppedAt(ExpandPosition p, Map<String, String> stepNames) {
        if (p.script().isEmpty()) {
            return Messages.get("expand.stopped.nothingDone", p.target());
        }
        String script = p.script().get();
        return Messages.get(p.batch() ? "expand.stopped.batch" : "expand.stopped.statement", p.target(),
                StepName.of(script, stepNames.getOrDefault(script, "")), p.done());
    }

    /** Starts the expand, or resumes an interrupted one, at the chosen pace. */
    public void start() {
        if (isRunning()) {
            return;
        }
        cancellation = new Cancellation();
        Cancellation mine = cancellation;
        state.set(State.RUNNING);
        outcome.set("");
        lockWait.set("");
        blockers.clear();
        runStarted = Instant.now();
        navigation.log(Messages.get("expand.log.start", pace.get().name().toLowerCase(Locale.ROOT)));
        ProgressCoalescer coalescer = new ProgressCoalescer(executor, this::onEvents);
        executor.run(() -> {
            try {
                return service.expand(pace.get(), coalescer, mine);
            } finally {
                coalescer.flush();
            }
        }, this::finished, this::failed);
    }

    /** Asks the running expand to stop at its next statement or batch boundary (within about a second). */
    public void cancel() {
        if (state.get() == State.RUNNING) {
            state.set(State.CANCELLING);
            navigation.log(Messages.get("expand.log.cancel"));
            cancellation.cancel();
        }
    }

    private void finished(UpgradeResult result) {
        state.set(State.EXPANDED);
        overall.set(1);
        overallText.set(Messages.get("expand.overall.done", result.applied(), ProgressText.elapsed(result.duration())));
        running.set("");
        backfill.set(-1);
        backfillText.set("");
        lockWait.set("");
        blockers.clear();
        updateRows(r -> r.mark() == ExpandRow.Mark.PENDING || r.mark() == ExpandRow.Mark.RUNNING
                ? r.with(ExpandRow.Mark.DONE) : r);
        outcome.set(Messages.get("expand.done", result.from(), result.to(), result.applied(),
                ProgressText.elapsed(result.duration())));
    }

    private void failed(Throwable failure) {
        running.set("");
        backfill.set(-1);
        backfillText.set("");
        lockWait.set("");
        blockers.clear();
        boolean cancelled = failure instanceof DbCreatorException e && e.code() == ErrorCode.CANCELLED;
        if (!cancelled) {
            navigation.showError(failure);
        }
        updateRows(r -> r.mark() == ExpandRow.Mark.RUNNING || r.mark() == ExpandRow.Mark.WAITING
                ? r.with(cancelled ? ExpandRow.Mark.PENDING : ExpandRow.Mark.FAILED) : r);
        // what the run left, read from the server, not from what this page saw
        executor.run(service::expandPosition, position -> {
            state.set(position.isPresent() ? State.STOPPED : cancelled ? State.READY : State.FAILED);
            outcome.set(position.map(p -> stoppedAt(p, stepNames)).orElse(cancelled
                    ? Messages.get("expand.stopped.beforeStart") : ""));
        }, unreadable -> {
            state.set(State.FAILED);
            navigation.showError(unreadable);
        });
    }

    /** Draws a batch of the running expand's events (on the UI thread). */
    void onEvents(List<ProgressEvent> events) {
        for (ProgressEvent event : events) {
            on(event);
        }
        tick(Instant.now());
    }

    private void on(ProgressEvent event) {
        if (event instanceof ProgressEvent.ScriptStarted s) {
            scriptNumber = s.number();
            scriptTotal = s.total();
            statementIndex = 0;
            statementTotal = Math.max(0, s.statements());
            migrationStarted = s.statements() < 0 ? s.at() : null;
            migrationDone = 0;
            migrationExpected = s.expectedRows();
            backfill.set(s.statements() < 0 ? 0 : -1);
            backfillText.set("");
            mark(s.script(), -1, ExpandRow.Mark.RUNNING);
            if (s.statements() < 0) {
                runningExcerpt = Messages.get("expand.running.migration", StepName.of(s.script(), s.description()));
                runningSince = s.at();
            }
            addLog(event.at(), Messages.get("expand.log.script", s.number(), s.total(),
                    StepName.withClass(s.script(), s.description())));
        } else if (event instanceof ProgressEvent.StatementStarted s) {
            statementIndex = s.index();
            statementTotal = s.total();
            runningExcerpt = s.script() + ":" + s.line() + "  " + s.excerpt();
            runningSince = s.at();
            lockWait.set("");
            blockers.clear();
            mark(s.script(), s.index(), ExpandRow.Mark.RUNNING);
        } else if (event instanceof ProgressEvent.StatementDone s) {
            statementIndex = s.index() + 1;
            mark(s.script(), s.index(), s.skipped() ? ExpandRow.Mark.SKIPPED : ExpandRow.Mark.DONE);
            lockWait.set("");
            blockers.clear();
            if (!s.skipped()) {
                addLog(event.at(), Messages.get("expand.log.statement", s.script(), s.line(), s.millis()));
            }
        } else if (event instanceof ProgressEvent.BatchDone b) {
            migrationDone = b.rowsDone();
            migrationExpected = b.expectedRows();
            showBackfill(b.at());
        } else if (event instanceof ProgressEvent.ScriptFinished s) {
            mark(s.script(), -1, ExpandRow.Mark.DONE);
            updateRows(r -> r.script().equals(s.script()) && r.mark() != ExpandRow.Mark.SKIPPED
                    ? r.with(ExpandRow.Mark.DONE) : r);
            statementIndex = statementTotal;
            backfill.set(-1);
            backfillText.set("");
            runningExcerpt = "";
            runningSince = null;
            addLog(event.at(), Messages.get(s.alreadyApplied() ? "expand.log.scriptSkipped" : "expand.log.scriptDone",
                    StepName.of(s.script(), s.description()), s.millis()));
        } else if (event instanceof ProgressEvent.LockWait w) {
            lockWait.set(Messages.get(w.blockersVisible() ? "expand.lockWait" : "expand.lockWait.invisible",
                    w.where(), ProgressText.elapsed(w.waited()), w.attempt(), w.retryIn().toMillis()));
            blockers.setAll(w.blockers());
            updateRows(r -> r.mark() == ExpandRow.Mark.RUNNING && !r.isHeader() ? r.with(ExpandRow.Mark.WAITING) : r);
            addLog(event.at(), lockWait.get());
        } else if (event instanceof ProgressEvent.OrphanWait o) {
            lockWait.set(Messages.get("expand.orphanWait", o.sessionId(), ProgressText.elapsed(o.waited())));
        } else if (event instanceof ProgressEvent.Notice n) {
            addLog(event.at(), n.message());
        }
    }

    private void showBackfill(Instant now) {
        Duration elapsed = Duration.between(migrationStarted == null ? now : migrationStarted, now);
        String rate = ProgressText.rowsPerSecond(ProgressText.rate(migrationDone, elapsed));
        if (migrationExpected.isPresent() && migrationExpected.getAsLong() > 0) {
            long total = migrationExpected.getAsLong();
            backfill.set(Math.min(1, (double) migrationDone / total));
            backfillText.set(Messages.get("expand.backfill", ProgressText.count(migrationDone), ProgressText.count(total),
                    rate, ProgressText.timeLeft(migrationDone, total, elapsed).map(ProgressText::left).orElse("")));
        } else {
            backfill.set(-1);
            backfillText.set(Messages.get("expand.backfill.noTotal", ProgressText.count(migrationDone), rate));
        }
    }

    /** Redraws what depends on the clock (elapsed time, time left); the view calls it every second while running. */
    public void tick(Instant now) {
        if (!isRunning() || runStarted == null) {
            return;
        }
        double inScript = statementTotal > 0 ? (double) statementIndex / statementTotal
                : backfill.get() >= 0 ? backfill.get() : 0;
        double done = scriptTotal == 0 ? 0 : Math.min(1, (Math.max(0, scriptNumber - 1) + inScript) / scriptTotal);
        overall.set(done);
        Duration elapsed = Duration.between(runStarted, now);
        Optional<Duration> left = done <= 0 ? Optional.empty()
                : Optional.of(Duration.ofNanos((long) (elapsed.toNanos() * (1 - done) / done)));
        overallText.set(Messages.get("expand.overall", scriptNumber, scriptTotal, ProgressText.elapsed(elapsed),
                left.map(ProgressText::left).orElse(Messages.get("expand.overall.estimating"))));
        running.set(runningSince == null || runningExcerpt.isEmpty() ? ""
                : Messages.get("expand.running", runningExcerpt, ProgressText.elapsed(Duration.between(runningSince, now))));
    }

    private void mark(String script, int index, ExpandRow.Mark mark) {
        for (int i = 0; i < rows.size(); i++) {
            ExpandRow r = rows.get(i);
            if (r.script().equals(script) && r.index() == index) {
                if (r.mark() != mark) {
                    rows.set(i, r.with(mark));
                }
                return;
            }
        }
    }

    /** Replaces only the rows that change: replacing them all redraws every step's cell. */
    private void updateRows(java.util.function.UnaryOperator<ExpandRow> change) {
        for (int i = 0; i < rows.size(); i++) {
            ExpandRow now = change.apply(rows.get(i));
            if (!now.equals(rows.get(i))) {
                rows.set(i, now);
            }
        }
    }

    private void addLog(Instant at, String line) {
        log.add(at.toString().substring(11, 19) + "  " + line);
        if (log.size() > LOG_LINES) {
            log.remove(0, log.size() - LOG_LINES);
        }
    }

    public boolean isRunning() {
        return state.get() == State.RUNNING || state.get() == State.CANCELLING;
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return Bindings.createStringBinding(() -> switch (state.get()) {
            case LOADING -> Messages.get("expand.primary.loading");
            case READY, FAILED -> Messages.get("expand.primary.start");
            case RUNNING -> Messages.get("expand.primary.running");
            case CANCELLING -> Messages.get("expand.primary.cancelling");
            case STOPPED -> Messages.get("expand.primary.resume");
            case EXPANDED -> Messages.get(nodesRestarted.get() ? "expand.primary.cleanup" : "expand.primary.next");
        }, state, nodesRestarted);
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return Bindings.createBooleanBinding(() -> state.get() == State.LOADING || isRunning(), state);
    }

    @Override
    public ObservableStringValue cliLine() {
        return Bindings.createStringBinding(() -> database.get() == null ? ""
                : state.get() == State.EXPANDED ? CliEquivalent.of(nodesRestarted.get() ? "cleanup" : "nodes", database.get())
                : CliEquivalent.of("upgrade", database.get(), "--rest-ratio", String.valueOf(pace.get().restRatio())),
                state, pace, database, nodesRestarted);
    }

    @Override
    public void primary() {
        if (state.get() == State.EXPANDED && nodesRestarted.get()) {
            navigation.showCleanup();
        } else if (state.get() == State.EXPANDED) {
            navigation.showRestartNodes();
        } else {
            start();
        }
    }

    /**
     * Whether the database's status, read again after the expand, has the Restart nodes step behind
     * it (see {@link org.dbcreator.ui.app.JourneySteps#nodesRestarted}): the window sets it, and the
     * button then leads to the Cleanup, as the sidebar does.
     */
    public BooleanProperty nodesRestartedProperty() {
        return nodesRestarted;
    }

    /** The open database, for the command line equivalent. */
    public ObjectProperty<ConnectedDatabase> databaseProperty() {
        return database;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public ObjectProperty<ExpandPace> paceProperty() {
        return pace;
    }

    public ObservableList<ExpandRow> rows() {
        return rows;
    }

    public DoubleProperty overallProperty() {
        return overall;
    }

    public StringProperty overallTextProperty() {
        return overallText;
    }

    public StringProperty runningProperty() {
        return running;
    }

    /** A running data migration's share done (0..1); -1 when none runs or its total is unknown. */
    public DoubleProperty backfillProperty() {
        return backfill;
    }

    public StringProperty backfillTextProperty() {
        return backfillText;
    }

    public StringProperty lockWaitProperty() {
        return lockWait;
    }

    public ObservableList<ProgressEvent.Blocker> blockers() {
        return blockers;
    }

    public ObservableList<String> log() {
        return log;
    }

    /** What the last run did or left: done, or where it stopped and what Resume continues from. */
    public StringProperty outcomeProperty() {
        return outcome;
    }
}
