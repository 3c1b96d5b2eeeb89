package org.dbcreator.ui.cleanup;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.ui.app.CliEquivalent;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.PageLogLine;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.app.PageModel;
import org.dbcreator.ui.app.ProgressCoalescer;
import org.dbcreator.ui.app.UiExecutor;
import org.dbcreator.ui.service.CleanupPlan;
import org.dbcreator.ui.service.CleanupPosition;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.WizardService;

/**
 * The Cleanup page: what the cleanup drops and tightens, in plain words, that it is irreversible,
 * the database name typed for a production profile; then its progress as the engine reports it,
 * and the Done page at the end. A refusal (privileges, the gate) reaches the banner and changes nothing.
 */
public final class CleanupViewModel implements PageModel {

    private final WizardService service;
    private final UiExecutor executor;
    private final Navigation navigation;

    private final ObjectProperty<ConnectedDatabase> database = new SimpleObjectProperty<>();
    private final ObjectProperty<CleanupPlan> plan = new SimpleObjectProperty<>();
    /** Where an interrupted cleanup stopped, as the server says; null when none is interrupted. */
    private final ObjectProperty<CleanupPosition> stopped = new SimpleObjectProperty<>();
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObservableList<String> refusals = FXCollections.observableArrayList();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(Messages.get("cleanup.title.none"));
    private final ReadOnlyStringWrapper sentence = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper irreversible = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final BooleanProperty production = new SimpleBooleanProperty();
    private final StringProperty typedName = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<UpgradeResult> result = new SimpleObjectProperty<>();
    private final BooleanBinding nameConfirmed = Bindings.createBooleanBinding(() -> !production.get()
            || (database.get() != null && typedName.get().strip().equals(database.get().database())),
            production, typedName, database);
    private final BooleanBinding canRun = Bindings.createBooleanBinding(() -> plan.get() != null
            && !plan.get().statements().isEmpty() && !busy.get() && !running.get() && result.get() == null
            && nameConfirmed.get(), plan, busy, running, result, nameConfirmed);
    private Cancellation cancellation = Cancellation.none();
    private int statementsDone;

    public CleanupViewModel(WizardService service, UiExecutor executor, Navigation navigation) {
        this.service = service;
        this.executor = executor;
        this.navigation = navigation;
    }

    /** Shows the page for {@code connected}: reads the cleanup's dry run (nothing is written). */
    public void open(ConnectedDatabase connected) {
        database.set(connected);
        production.set(connected.environment().map(e -> e.toLowerCase(Locale.ROOT).startsWith("prod")).orElse(false));
        typedName.set("");
        plan.set(null);
        stopped.set(null);
        result.set(null);
        changes.clear();
        refusals.clear();
        lines.clear();
        progress.set(0);
        progressText.set(Messages.get("cleanup.reading"));
        busy.set(true);
        executor.run(() -> new Loaded(service.cleanupPreview(), service.cleanupPosition()), this::show, failure -> {
            busy.set(false);
            progressText.set("");
            navigation.showError(failure);
        });
    }

    private record Loaded(CleanupPlan plan, Optional<CleanupPosition> position) {}

    private void show(Loaded loaded) {
        CleanupPlan read = loaded.plan();
        busy.set(false);
        plan.set(read);
        title.set(Messages.get("cleanup.title", read.from(), read.to()));
        sentence.set(Messages.get("cleanup.sentence", read.database()));
        irreversible.set(Messages.get("cleanup.irreversible", read.to()));
        changes.setAll(read.statements().isEmpty() ? List.of(Messages.get("cleanup.nothing"))
                : CleanupWords.of(read.statements()));
        refusals.setAll(read.checks().checks().stream().filter(PreflightCheck::isRed)
                .map(c -> Messages.get("cleanup.checks.red", c.evidence())).toList());
        stopped.set(loaded.position().orElse(null));
        progressText.set(loaded.position().map(CleanupViewModel::stoppedAt).orElse(""));
    }

    /** Where an interrupted cleanup stands, in the admin's words. */
    static String stoppedAt(CleanupPosition p) {
        return p.script().isEmpty() ? Messages.get("cleanup.stopped.nothingDone", p.target())
                : Messages.get("cleanup.stopped.statement", p.target(), p.script().get(), p.done());
    }

    /** Runs the cleanup: irreversible; the engine's refusal goes to the banner. */
    @Override
    public void primary() {
        if (!canRun.get()) {
            return;
        }
        running.set(true);
        statementsDone = 0;
        progress.set(0);
        lines.clear();
        cancellation = new Cancellation();
        Cancellation stop = cancellation;
        ProgressCoalescer coalescer = new ProgressCoalescer(executor, this::onEvents);
        executor.run(() -> service.cleanup(coalescer, stop), done -> {
            coalescer.flush();
            running.set(false);
            stopped.set(null); // a resumed cleanup finished: nothing left to resume
            result.set(done);
            progress.set(1);
            progressText.set(Messages.get("cleanup.progress.done", done.to(), done.applied(),
                    done.duration().toSeconds()));
            navigation.log(Messages.get("log.cleanup.done", done.database(), done.to()));
            navigation.showDone();
        }, failure -> {
            coalescer.flush();
            running.set(false);
            if (failure instanceof org.dbcreator.error.DbCreatorException e
                    && e.code() == org.dbcreator.error.ErrorCode.CANCELLED) {
                navigation.log(Messages.get("log.cleanup.cancelled")); // asked for: no error banner
            } else {
                navigation.showError(failure);
            }
            open(database.get()); // what the cleanup would do now, read again: a refusal changed nothing
        });
    }

    /** Asks the running cleanup to stop after the statement under way (never in the middle of one). */
    public void cancel() {
        if (running.get()) {
            cancellation.cancel();
            progressText.set(Messages.get("cleanup.progress.cancelling"));
        }
    }

    private void onEvents(List<ProgressEvent> batch) {
        int total = plan.get() == null ? 0 : plan.get().statements().size();
        for (ProgressEvent event : batch) {
            if (event instanceof ProgressEvent.ScriptStarted s) {
                progressText.set(Messages.get("cleanup.progress.script", s.number(), s.total(), s.script()));
            } else if (event instanceof ProgressEvent.StatementStarted s) {
                progressText.set(Messages.get("cleanup.progress.statement", statementsDone + 1, Math.max(total,
                        statementsDone + 1), s.excerpt()));
            } else if (event instanceof ProgressEvent.StatementDone) {
                statementsDone++;
                progress.set(total == 0 ? -1 : Math.min(1.0, statementsDone / (double) total));
            }
            lines.add(PageLogLine.of(event));
        }
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return Bindings.createStringBinding(() -> Messages.get(stopped.get() == null ? "cleanup.primary"
                : "cleanup.primary.resume"), stopped);
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return canRun.not();
    }

    @Override
    public ObservableStringValue cliLine() {
        return Bindings.createStringBinding(() -> database.get() == null ? "" : CliEquivalent.of("cleanup", database.get()),
                database);
    }

    public ObjectProperty<ConnectedDatabase> databaseProperty() {
        return database;
    }

    public ObjectProperty<CleanupPlan> planProperty() {
        return plan;
    }

    /** Where an interrupted cleanup stopped (null when none is): the primary then says Resume. */
    public ObjectProperty<CleanupPosition> stoppedProperty() {
        return stopped;
    }

    /** What the cleanup changes, one plain sentence each. */
    public ObservableList<String> changes() {
        return changes;
    }

    /** The red checks: why the engine would refuse now. */
    public ObservableList<String> refusals() {
        return refusals;
    }

    /** The run's live log. */
    public ObservableList<String> lines() {
        return lines;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sentenceProperty() {
        return sentence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty irreversibleProperty() {
        return irreversible.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Whether the profile is a production one: the database name must be typed. */
    public BooleanProperty productionProperty() {
        return production;
    }

    public StringProperty typedNameProperty() {
        return typedName;
    }

    /** 0 to 1 as statements are done; -1 while the total is unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<UpgradeResult> resultProperty() {
        return result;
    }

    public BooleanBinding canRun() {
        return canRun;
    }
}
