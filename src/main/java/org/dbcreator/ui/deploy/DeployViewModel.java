package org.dbcreator.ui.deploy;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.DeployResult;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.ui.app.CliEquivalent;
import org.dbcreator.ui.app.LogFeed;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.app.PageModel;
import org.dbcreator.ui.app.ProgressCoalescer;
import org.dbcreator.ui.app.StepName;
import org.dbcreator.ui.app.UiExecutor;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.DatabaseStatus;
import org.dbcreator.ui.service.WizardService;
import org.dbcreator.ui.status.StatusViewModel;

/**
 * The Deploy page: which release, how many sample rows, then the deploy with its progress (the
 * script and statement running, for how long, the live log). Cancel stops between statements;
 * the page then reads the database again and says what it holds. A deploy that ends lands on Done.
 */
public final class DeployViewModel implements PageModel {

    private static final int MAX_LOG_LINES = 2_000;

    private final WizardService service;
    private final UiExecutor executor;
    private final Navigation navigation;
    private final Supplier<Instant> clock;
    private final java.util.function.Consumer<DatabaseStatus> read;

    private final ObjectProperty<ConnectedDatabase> database = new SimpleObjectProperty<>();
    private final ObservableList<Version> releases = FXCollections.observableArrayList();
    private final ObjectProperty<Version> release = new SimpleObjectProperty<>();
    private final BooleanProperty withSample = new SimpleBooleanProperty(false);
    private final StringProperty sampleRows = new SimpleStringProperty("10000");
    private final ReadOnlyStringWrapper sampleError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sampleTotal = new ReadOnlyStringWrapper("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty cancelling = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ReadOnlyStringWrapper script = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statement = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final BooleanBinding sampleValid;

    private Cancellation cancellation;
    private Instant startedAt;
    private Instant statementAt;
    /** The Java steps this page saw start, class name to description: how the outcome names them. */
    private final Map<String, String> stepNames = new HashMap<>();

    public DeployViewModel(WizardService service, UiExecutor executor, Navigation navigation) {
        this(service, executor, navigation, status -> { });
    }

    /** @param read told of the status read after a deploy stopped, so that the sidebar follows the database */
    public DeployViewModel(WizardService service, UiExecutor executor, Navigation navigation,
            java.util.function.Consumer<DatabaseStatus> read) {
        this.service = service;
        this.executor = executor;
        this.navigation = navigation;
        this.read = read;
        this.clock = Instant::now;
        this.sampleValid = Bindings.createBooleanBinding(() -> !withSample.get() || parseRows(sampleRows.get()) > 0,
                withSample, sampleRows);
        withSample.addListener((o, b, a) -> updateSample());
        sampleRows.addListener((o, b, a) -> updateSample());
    }

    /** Opens the page for {@code connected}: the catalog's releases, the newest chosen. */
    public void open(ConnectedDatabase connected) {
        database.set(connected);
        if (!running.get()) {
            outcome.set("");
            script.set("");
            statement.set("");
            elapsed.set("");
            progress.set(0);
        }
        releases.setAll(service.releases());
        if (release.get() == null || !releases.contains(release.get())) {
            release.set(releases.isEmpty() ? null : releases.get(0));
        }
        updateSample();
    }

    private void updateSample() {
        long rows = parseRows(sampleRows.get());
        if (!withSample.get()) {
            sampleError.set("");
            sampleTotal.set(Messages.get("deploy.sample.none"));
        } else if (rows <= 0) {
            sampleError.set(Messages.get("deploy.sample.invalid"));
            sampleTotal.set("");
        } else {
            sampleError.set("");
            OptionalLong total = service.sampleRowsTotal(rows);
            sampleTotal.set(total.isPresent() ? Messages.get("deploy.sample.total", number(total.getAsLong()))
                    : Messages.get("deploy.sample.unknown"));
        }
    }

    /** The rows typed, -1 when they are not a positive whole number (spaces, commas and underscores allowed). */
    static long parseRows(String text) {
        if (text == null) {
            return -1;
        }
        String digits = text.strip().replace(",", "").replace("_", "").replace(" ", "");
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    private long rowsChosen() {
        return withSample.get() ? Math.max(0, parseRows(sampleRows.get())) : 0;
    }

    /** Starts the deploy, off the UI thread; progress lands here a few times a second. */
    public void deploy() {
        if (running.get() || release.get() == null || !sampleValid.get() || database.get() == null) {
            return;
        }
        Version chosen = release.get();
        long rows = rowsChosen();
        Cancellation stop = new Cancellation();
        cancellation = stop;
        running.set(true);
        cancelling.set(false);
        outcome.set("");
        logLines.clear();
        progress.set(-1);
        startedAt = clock.get();
        statementAt = null;
        script.set(Messages.get("deploy.starting", chosen));
        statement.set("");
        navigation.log(Messages.get("deploy.log.start", chosen, rows));
        ProgressCoalescer coalescer = new ProgressCoalescer(executor, this::onEvents);
        executor.run(() -> {
            try {
                return service.deploy(chosen, rows, coalescer, stop);
            } finally {
                coalescer.flush();
            }
        }, this::succeeded, this::failed);
    }

    /** Asks the deploy to stop at its next safe point (between statements or batches). */
    public void cancel() {
        if (running.get() && cancellation != null) {
            cancelling.set(true);
            script.set(Messages.get("deploy.cancelling"));
            cancellation.cancel();
        }
    }

    private void succeeded(DeployResult result) {
        tick();
        running.set(false);
        cancelling.set(false);
        progress.set(1);
        String line = Messages.get("deploy.done", result.database(), result.version(), result.applied(),
                Duration.ofMillis(result.duration().toMillis()).toMillis() / 1000.0);
        outcome.set(line);
        navigation.log(line);
        navigation.showDone();
    }

    private void failed(Throwable failure) {
        tick();
        boolean cancelled = failure instanceof DbCreatorException e && e.code() == ErrorCode.CANCELLED;
        if (!cancelled) {
            navigation.showError(failure);
        }
        // what the database holds now, from the server: never what the window assumes
        executor.run(service::status, now -> {
            running.set(false);
            cancelling.set(false);
            outcome.set(holds(now, cancelled, stepNames));
            navigation.log(outcome.get());
            read.accept(now);
        }, unreadable -> {
            running.set(false);
            cancelling.set(false);
            outcome.set(Messages.get("deploy.unknown"));
            navigation.showError(unreadable);
        });
    }

    /**
     * One sentence (or two) on what the database holds after a deploy stopped, from its status; a
     * Java step the history names by class is named by its description when {@code stepNames} has it.
     */
    static String holds(DatabaseStatus read, boolean cancelled, Map<String, String> stepNames) {
        StatusReport r = read.report();
        String first = Messages.get(cancelled ? "deploy.cancelled" : "deploy.failed");
        long applied = r.history().stream().filter(a -> "DEPLOY".equalsIgnoreCase(a.operation())).count();
        String scripts = r.condition() == StatusReport.Condition.MANAGED
                ? " " + Messages.get("deploy.holds.scripts", applied, lastApplied(r.history(), stepNames)) : "";
        return first + " " + StatusViewModel.sentence(r) + scripts;
    }

    private static String lastApplied(List<AppliedScript> history, Map<String, String> stepNames) {
        if (history.isEmpty()) {
            return "-";
        }
        String last = history.get(history.size() - 1).script();
        return StepName.of(last, stepNames.getOrDefault(last, ""));
    }

    /** Draws a batch of the running deploy's events (on the UI thread). */
    void onEvents(List<ProgressEvent> events) {
        List<String> lines = new ArrayList<>(events.size());
        for (ProgressEvent event : events) {
            lines.add(LogFeed.describe(event));
            if (event instanceof ProgressEvent.ScriptStarted s) {
                if (StepName.isJava(s.description())) {
                    stepNames.put(s.script(), s.description());
                }
                progress.set(s.total() == 0 ? -1 : (s.number() - 1) / (double) s.total());
                script.set(Messages.get(StepName.isJava(s.description()) ? "stepNames.deploy.script.java"
                        : "deploy.script", s.number(), s.total(), s.kind().toLowerCase(Locale.ROOT).replace('_', ' '),
                        StepName.of(s.script(), s.description())));
                statement.set(s.statements() < 0 ? Messages.get("deploy.batches") : "");
                statementAt = s.at();
            } else if (event instanceof ProgressEvent.StatementStarted s) {
                statement.set(Messages.get("deploy.statement", s.index() + 1, s.total(), s.line(), s.excerpt()));
                statementAt = s.at();
            } else if (event instanceof ProgressEvent.BatchDone b) {
                statement.set(b.expectedRows().isPresent()
                        ? Messages.get("deploy.batch.of", b.batch() + 1, number(b.rowsDone()), number(b.expectedRows().getAsLong()))
                        : Messages.get("deploy.batch", b.batch() + 1, number(b.rowsDone())));
            } else if (event instanceof ProgressEvent.ScriptFinished f && f.alreadyApplied()) {
                statement.set(Messages.get("deploy.skipped", StepName.of(f.script(), f.description())));
            }
        }
        logLines.addAll(lines);
        if (logLines.size() > MAX_LOG_LINES) {
            logLines.remove(0, logLines.size() - MAX_LOG_LINES);
        }
        tick();
    }

    /** Recomputes the elapsed times; the view calls it a few times a second while the deploy runs. */
    public void tick() {
        if (startedAt == null) {
            return;
        }
        Instant now = clock.get();
        String total = seconds(Duration.between(startedAt, now));
        elapsed.set(statementAt == null || !running.get() ? Messages.get("deploy.elapsed", total)
                : Messages.get("deploy.elapsed.statement", total, seconds(Duration.between(statementAt, now))));
    }

    private static String seconds(Duration d) {
        long tenths = Math.max(0, d.toMillis()) / 100;
        return tenths / 10 + "." + tenths % 10 + " s";
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n).replace('\u00a0', ',');
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return Bindings.createStringBinding(() -> release.get() == null ? Messages.get("deploy.primary.none")
                : Messages.get("deploy.primary", release.get()), release);
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return running.or(release.isNull()).or(sampleValid.not()).or(database.isNull());
    }

    @Override
    public ObservableStringValue cliLine() {
        return Bindings.createStringBinding(() -> database.get() == null || release.get() == null ? ""
                : rowsChosen() > 0 ? CliEquivalent.of("deploy", database.get(), "--target", release.get().toString(),
                        "--sample-rows", String.valueOf(rowsChosen()))
                : CliEquivalent.of("deploy", database.get(), "--target", release.get().toString()),
                database, release, withSample, sampleRows);
    }

    @Override
    public void primary() {
        deploy();
    }

    public ObjectProperty<ConnectedDatabase> databaseProperty() {
        return database;
    }

    public ObservableList<Version> releases() {
        return releases;
    }

    public ObjectProperty<Version> releaseProperty() {
        return release;
    }

    public BooleanProperty withSampleProperty() {
        return withSample;
    }

    public StringProperty sampleRowsProperty() {
        return sampleRows;
    }

    /** Why the sample rows typed are refused; empty when they are fine. */
    public ReadOnlyStringProperty sampleErrorProperty() {
        return sampleError.getReadOnlyProperty();
    }

    /** How many rows the sample writes over all tables, in a sentence. */
    public ReadOnlyStringProperty sampleTotalProperty() {
        return sampleTotal.getReadOnlyProperty();
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty cancellingProperty() {
        return cancelling;
    }

    /** Scripts done of all, 0..1; -1 before the first script starts. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** The script running, "Script 3 of 12: ...". */
    public ReadOnlyStringProperty scriptProperty() {
        return script.getReadOnlyProperty();
    }

    /** The statement (or batch) running. */
    public ReadOnlyStringProperty statementProperty() {
        return statement.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    /** After a deploy stopped: what the database holds, read from the server. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ObservableList<String> logLines() {
        return logLines;
    }
}
