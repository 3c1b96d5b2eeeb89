package org.dbcreator.ui.rollback;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
import org.dbcreator.ui.cleanup.CleanupWords;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.RollbackPlan;
import org.dbcreator.ui.service.WizardService;

/**
 * The Abort upgrade page: what the rollback undoes (its dry run), why it may not run now when it
 * may not, the database name typed for a production profile; then its progress as on Expand, and
 * the Status page, read from the server, at the end. A refusal reaches the banner and changes nothing.
 */
public final class RollbackViewModel implements PageModel {

    /** When a consent was recorded, in this machine's zone, as the operator reads a clock. */
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final WizardService service;
    private final UiExecutor executor;
    private final Navigation navigation;

    private final ObjectProperty<ConnectedDatabase> database = new SimpleObjectProperty<>();
    private final ObjectProperty<RollbackPlan> plan = new SimpleObjectProperty<>();
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> dataLost = FXCollections.observableArrayList();
    private final BooleanProperty lossAccepted = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper lossAcceptedNote = new ReadOnlyStringWrapper("");
    private final ObservableList<String> excludable = FXCollections.observableArrayList();
    private final StringProperty excludeTyped = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(Messages.get("rollback.page.title.none"));
    private final ReadOnlyStringWrapper sentence = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
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
            && plan.get().allowed() && !busy.get() && !running.get() && result.get() == null
            && nameConfirmed.get() && (dataLost.isEmpty() || lossAccepted.get()), plan, busy, running, result,
            nameConfirmed, dataLost, lossAccepted);
    private Cancellation cancellation = Cancellation.none();
    private int statementsDone;

    public RollbackViewModel(WizardService service, UiExecutor executor, Navigation navigation) {
        this.service = service;
        this.executor = executor;
        this.navigation = navigation;
    }

    /** Shows the page for {@code connected}: reads the rollback's dry run (nothing is written). */
    public void open(ConnectedDatabase connected) {
        database.set(connected);
        production.set(connected.environment().map(e -> e.toLowerCase(Locale.ROOT).startsWith("prod")).orElse(false));
        typedName.set("");
        lossAccepted.set(false);
        lossAcceptedNote.set("");
        dataLost.clear();
        excludable.clear();
        excludeTyped.set("");
        plan.set(null);
        result.set(null);
        changes.clear();
        lines.clear();
        refusal.set("");
        progress.set(0);
        progressText.set(Messages.get("rollback.page.reading"));
        busy.set(true);
        executor.run(service::rollbackPreview, this::show, failure -> {
            busy.set(false);
            progressText.set("");
            navigation.showError(failure);
        });
    }

    private void show(RollbackPlan read) {
        busy.set(false);
        plan.set(read);
        title.set(Messages.get("rollback.page.title", read.from(), read.to()));
        sentence.set(Messages.get("rollback.page.sentence", read.database(), read.to()));
        changes.setAll(read.statements().isEmpty() ? List.of() : CleanupWords.ofRollback(read.statements()));
        refusal.set(read.reason().map(r -> Messages.get("rollback.page.refused", r)).orElse(""));
        dataLost.setAll(read.dataLost().stream().map(org.dbcreator.engine.DroppedData::describe).toList());
        // the consent the interrupted run recorded holds for its resume: ticked, and said whose it is
        read.lossAccepted().filter(a -> !dataLost.isEmpty()).ifPresentOrElse(a -> {
            lossAccepted.set(true);
            lossAcceptedNote.set(Messages.get("rollback.page.lossAccepted", a.operator(), AT.format(a.at())));
        }, () -> lossAcceptedNote.set(""));
        excludable.setAll(read.excludable());
        progressText.set("");
    }

    /**
     * Excludes the gone node whose name is typed from the rollback's gate, and reads the dry run
     * again; a name that is not one of {@link #excludable()} goes to the banner and changes nothing.
     */
    public void exclude() {
        String typed = excludeTyped.get().strip();
        if (typed.isEmpty() || busy.get() || running.get()) {
            return;
        }
        busy.set(true);
        String name = excludable.contains(typed) ? typed : excludable.stream().findFirst().orElse(typed);
        executor.run(() -> service.excludeFromRollback(name, typed), read -> {
            excludeTyped.set("");
            navigation.log(Messages.get("rollback.page.excluded", name));
            show(read);
        }, failure -> {
            busy.set(false);
            navigation.showError(failure);
        });
    }

    /** Runs the rollback; the engine's refusal goes to the banner and the dry run is read again. */
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
        boolean accept = lossAccepted.get() && !dataLost.isEmpty();
        ProgressCoalescer coalescer = new ProgressCoalescer(executor, this::onEvents);
        executor.run(() -> service.rollback(accept, coalescer, stop), done -> {
            coalescer.flush();
            running.set(false);
            result.set(done);
            progress.set(1);
            progressText.set(Messages.get("rollback.page.done", done.to(), done.applied(), done.duration().toSeconds()));
            navigation.log(Messages.get("rollback.page.log", done.database(), done.to()));
            navigation.showStatus();
        }, failure -> {
            coalescer.flush();
            running.set(false);
            navigation.showError(failure);
            open(database.get());
        });
    }

    /** Asks the running rollback to stop after the statement under way; run again, it resumes. */
    public void cancel() {
        if (running.get()) {
            cancellation.cancel();
            progressText.set(Messages.get("rollback.page.cancelling"));
        }
    }

    private void onEvents(List<ProgressEvent> batch) {
        int total = plan.get() == null ? 0 : plan.get().statements().size();
        for (ProgressEvent event : batch) {
            if (event instanceof ProgressEvent.ScriptStarted s) {
                progressText.set(Messages.get("rollback.page.script", s.number(), s.total(), s.script()));
            } else if (event instanceof ProgressEvent.StatementDone) {
                statementsDone++;
                progress.set(total == 0 ? -1 : Math.min(1.0, statementsDone / (double) total));
            }
            lines.add(PageLogLine.of(event));
        }
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return Bindings.createStringBinding(() -> Messages.get("rollback.page.primary"));
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return canRun.not();
    }

    @Override
    public ObservableStringValue cliLine() {
        return Bindings.createStringBinding(() -> {
            if (database.get() == null) {
                return "";
            }
            List<String> more = new java.util.ArrayList<>();
            List<String> excluded = plan.get() == null ? List.of() : plan.get().excluded().stream().sorted().toList();
            excluded.forEach(node -> more.addAll(List.of("--exclude-node", node)));
            if (!excluded.isEmpty()) {
                more.add("--confirm-exclusion");
            }
            if (lossAccepted.get() && !dataLost.isEmpty()) {
                more.add("--accept-data-loss");
            }
            return CliEquivalent.of("rollback", database.get(), more.toArray(String[]::new));
        }, database, lossAccepted, dataLost, plan);
    }

    public ObjectProperty<ConnectedDatabase> databaseProperty() {
        return database;
    }

    public ObjectProperty<RollbackPlan> planProperty() {
        return plan;
    }

    /** What the rollback undoes, one plain sentence each. */
    public ObservableList<String> changes() {
        return changes;
    }

    public ObservableList<String> lines() {
        return lines;
    }

    /** What the rollback would drop that only the newer release wrote, one line each with its rows. */
    public ObservableList<String> dataLost() {
        return dataLost;
    }

    /** Gone nodes of a newer release that keep the way back shut; each may be excluded by its name typed. */
    public ObservableList<String> excludable() {
        return excludable;
    }

    /** The name typed to exclude a node of {@link #excludable()}. */
    public StringProperty excludeTypedProperty() {
        return excludeTyped;
    }

    /** The operator read {@link #dataLost()} and accepts its loss: without it the rollback cannot start. */
    public BooleanProperty lossAcceptedProperty() {
        return lossAccepted;
    }

    /** Whose consent to {@link #dataLost()} the interrupted rollback recorded, and when; empty when none. */
    public ReadOnlyStringProperty lossAcceptedNoteProperty() {
        return lossAcceptedNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sentenceProperty() {
        return sentence.getReadOnlyProperty();
    }

    /** Why the rollback may not run now; empty when it may. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public BooleanProperty productionProperty() {
        return production;
    }

    public StringProperty typedNameProperty() {
        return typedName;
    }

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
