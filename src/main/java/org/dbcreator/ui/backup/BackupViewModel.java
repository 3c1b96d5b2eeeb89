package org.dbcreator.ui.backup;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.app.PageModel;
import org.dbcreator.ui.app.ProgressCoalescer;
import org.dbcreator.ui.app.ProgressText;
import org.dbcreator.ui.app.UiExecutor;
import org.dbcreator.ui.service.BackupSummary;
import org.dbcreator.ui.service.DatabaseStatus;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.WizardService;
import org.dbcreator.ui.app.CliEquivalent;

/**
 * The Backup page: where to (with the free space there), each table's progress, the verification
 * as rows of their own (read back; restore test, on by default); or the admin's own backup,
 * confirmed by typing the database's name. A recent backup the history holds lets the admin go on.
 */
public final class BackupViewModel implements PageModel {

    public enum State { LOADING, READY, RUNNING, CANCELLING, DONE }

    private final WizardService service;
    private final UiExecutor executor;
    private final Navigation navigation;

    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
    private final ObjectProperty<ConnectedDatabase> database = new SimpleObjectProperty<>();
    private final StringProperty databaseName = new SimpleStringProperty("");
    private final StringProperty destination = new SimpleStringProperty("");
    private final StringProperty freeSpace = new SimpleStringProperty("");
    private final BooleanProperty restoreTest = new SimpleBooleanProperty(true);
    private final ObservableList<BackupRow> tables = FXCollections.observableArrayList();
    private final ObservableList<BackupRow> verification = FXCollections.observableArrayList();
    private final StringProperty timeLeft = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty recentBackup = new SimpleStringProperty("");
    private final StringProperty typedName = new SimpleStringProperty("");
    private final StringProperty ownBackupRecorded = new SimpleStringProperty("");
    private final BooleanBinding ownBackupConfirmable;

    private Cancellation cancellation = Cancellation.none();
    private boolean restoring;

    public BackupViewModel(WizardService service, UiExecutor executor, Navigation navigation) {
        this.service = service;
        this.executor = executor;
        this.navigation = navigation;
        this.ownBackupConfirmable = Bindings.createBooleanBinding(() -> !databaseName.get().isEmpty()
                && databaseName.get().equals(typedName.get().strip()) && !isRunning(), databaseName, typedName, state);
        destination.addListener((o, before, now) -> readFreeSpace());
    }

    /** Opens the page for the database read last: the destination's free space, and a recent backup if the history has one. */
    public void open(DatabaseStatus status) {
        if (isRunning()) {
            return;
        }
        databaseName.set(status.report().database());
        recentBackup.set(recentBackup(status).orElse(""));
        tables.clear();
        verification.clear();
        summary.set("");
        timeLeft.set("");
        ownBackupRecorded.set("");
        typedName.set("");
        state.set(State.READY);
        if (destination.get().isEmpty()) {
            destination.set(service.defaultBackupFolder().toString());
        } else {
            readFreeSpace();
        }
    }

    /** The evidence of the upgrade's backup check when it lets the expand start (green or amber), else empty. */
    static Optional<String> recentBackup(DatabaseStatus status) {
        return status.report().checks().flatMap(r -> r.checks().stream()
                .filter(c -> c.id() == PreflightCheck.Id.BACKUP && !c.isRed()).findFirst())
                .map(c -> Messages.get("backup.recent." + c.verdict().name(), c.evidence()));
    }

    private void readFreeSpace() {
        Optional<Path> path = path();
        if (path.isEmpty()) {
            freeSpace.set(Messages.get("backup.free.invalid"));
            return;
        }
        executor.run(() -> service.freeSpace(path.get()), bytes -> freeSpace.set(Messages.get("backup.free",
                ProgressText.bytes(bytes))), failure -> freeSpace.set(failure.getMessage()));
    }

    private Optional<Path> path() {
        try {
            return destination.get().isBlank() ? Optional.empty() : Optional.of(Path.of(destination.get().strip()));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Takes the backup, reads it back and, when ticked, restore-tests it. */
    public void backUp() {
        Optional<Path> path = path();
        if (isRunning() || path.isEmpty()) {
            return;
        }
        cancellation = new Cancellation();
        Cancellation mine = cancellation;
        restoring = false;
        tables.clear();
        summary.set("");
        timeLeft.set("");
        verification.setAll(new BackupRow(Messages.get("backup.verify.readBack"), -1, 0, 0, BackupRow.Mark.PENDING, ""),
                new BackupRow(Messages.get("backup.verify.restoreTest"), -1, 0, 0, restoreTest.get()
                        ? BackupRow.Mark.PENDING : BackupRow.Mark.SKIPPED, restoreTest.get() ? ""
                        : Messages.get("backup.verify.restoreTest.off")));
        state.set(State.RUNNING);
        boolean test = restoreTest.get();
        ProgressCoalescer coalescer = new ProgressCoalescer(executor, this::onEvents);
        executor.run(() -> {
            try {
                return service.backup(path.get(), test, coalescer, mine);
            } finally {
                coalescer.flush();
            }
        }, this::finished, this::failed);
    }

    public void cancel() {
        if (state.get() == State.RUNNING) {
            state.set(State.CANCELLING);
            cancellation.cancel();
        }
    }

    private void finished(BackupSummary b) {
        state.set(State.DONE);
        timeLeft.set("");
        verification.set(0, verification.get(0).marked(BackupRow.Mark.DONE, Messages.get("backup.verify.readBack.done",
                ProgressText.count(b.rows()), b.tables())));
        if (b.restoreTested()) {
            verification.set(1, verification.get(1).marked(BackupRow.Mark.DONE, b.verifiedHow()));
        }
        summary.set(Messages.get("backup.summary", b.file(), ProgressText.bytes(b.bytes()), b.tables(),
                ProgressText.count(b.rows()), b.verifiedHow()));
        navigation.log(summary.get());
        readFreeSpace();
    }

    private void failed(Throwable failure) {
        boolean cancelled = failure instanceof DbCreatorException e && e.code() == ErrorCode.CANCELLED;
        state.set(State.READY);
        timeLeft.set("");
        verification.replaceAll(r -> r.mark() == BackupRow.Mark.RUNNING ? r.marked(BackupRow.Mark.FAILED, "") : r);
        if (cancelled) {
            summary.set(Messages.get(restoring ? "backup.cancelled.restoreTest" : "backup.cancelled"));
        } else {
            navigation.showError(failure);
        }
    }

    void onEvents(List<ProgressEvent> events) {
        for (ProgressEvent event : events) {
            if (event instanceof ProgressEvent.TablesPlanned p && !restoring) {
                tables.setAll(p.tables().stream().map(t -> new BackupRow(t.name(), t.expectedRows(), 0, 0,
                        BackupRow.Mark.PENDING, "")).toList());
            } else if (event instanceof ProgressEvent.TableProgress t && !restoring) {
                for (int i = 0; i < tables.size(); i++) {
                    if (tables.get(i).name().equals(t.table())) {
                        tables.set(i, tables.get(i).progressed(t.rows(), t.bytes(), t.finished()));
                    }
                }
                timeLeft.set(t.estimatedRemaining().map(ProgressText::left).orElse(""));
            } else if (event instanceof ProgressEvent.TableProgress t && restoring) {
                timeLeft.set(t.estimatedRemaining().map(ProgressText::left).orElse(""));
                verification.set(1, verification.get(1).marked(BackupRow.Mark.RUNNING,
                        Messages.get("backup.verify.restoreTest.table", t.table())));
            } else if (event instanceof ProgressEvent.BackupFinished f) {
                tables.replaceAll(r -> r.mark() == BackupRow.Mark.DONE ? r : r.marked(BackupRow.Mark.DONE, ""));
                verification.set(0, verification.get(0).marked(BackupRow.Mark.DONE, Messages.get(
                        "backup.verify.readBack.done", ProgressText.count(f.rows()), tables.size())));
                timeLeft.set("");
            } else if (event instanceof ProgressEvent.RestoreStarted r && r.test()) {
                restoring = true;
                verification.set(1, verification.get(1).marked(BackupRow.Mark.RUNNING,
                        Messages.get("backup.verify.restoreTest.into", r.database())));
            } else if (event instanceof ProgressEvent.RestoreFinished r && restoring) {
                verification.set(1, verification.get(1).marked(BackupRow.Mark.RUNNING,
                        Messages.get("backup.verify.restoreTest.comparing", ProgressText.count(r.rows()))));
            } else if (event instanceof ProgressEvent.Notice n) {
                navigation.log(n.message());
            }
        }
    }

    /** Records the admin's own backup (the typed name must be the database's) and goes on to Expand. */
    public void recordOwnBackup() {
        if (!ownBackupConfirmable.get()) {
            return;
        }
        String typed = typedName.get();
        executor.run(() -> {
            service.recordOwnBackup(typed);
            return typed;
        }, name -> {
            ownBackupRecorded.set(Messages.get("backup.own.recorded", name));
            navigation.log(ownBackupRecorded.get());
            typedName.set("");
            state.set(State.DONE);
        }, navigation::showError);
    }

    /** Goes on to Expand with the recent backup the history already holds. */
    public void useRecentBackup() {
        if (!recentBackup.get().isEmpty() && !isRunning()) {
            navigation.showExpand();
        }
    }

    public boolean isRunning() {
        return state.get() == State.RUNNING || state.get() == State.CANCELLING;
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return Bindings.createStringBinding(() -> switch (state.get()) {
            case LOADING, READY -> Messages.get("backup.primary.start");
            case RUNNING -> Messages.get("backup.primary.running");
            case CANCELLING -> Messages.get("backup.primary.cancelling");
            case DONE -> Messages.get("backup.primary.next");
        }, state);
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return Bindings.createBooleanBinding(() -> state.get() == State.LOADING || isRunning()
                || (state.get() == State.READY && path().isEmpty()), state, destination);
    }

    @Override
    public ObservableStringValue cliLine() {
        return Bindings.createStringBinding(() -> database.get() == null ? ""
                : state.get() == State.DONE ? CliEquivalent.of("upgrade", database.get())
                : restoreTest.get() ? CliEquivalent.of("backup", database.get(), "--to", destination.get())
                : CliEquivalent.of("backup", database.get(), "--to", destination.get(), "--no-restore-test"),
                state, destination, restoreTest, database);
    }

    @Override
    public void primary() {
        if (state.get() == State.DONE) {
            navigation.showExpand();
        } else {
            backUp();
        }
    }

    /** The open database, for the command line equivalent. */
    public ObjectProperty<ConnectedDatabase> databaseProperty() {
        return database;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public StringProperty databaseNameProperty() {
        return databaseName;
    }

    public StringProperty destinationProperty() {
        return destination;
    }

    public StringProperty freeSpaceProperty() {
        return freeSpace;
    }

    public BooleanProperty restoreTestProperty() {
        return restoreTest;
    }

    public ObservableList<BackupRow> tables() {
        return tables;
    }

    public ObservableList<BackupRow> verification() {
        return verification;
    }

    public StringProperty timeLeftProperty() {
        return timeLeft;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** What the history holds that lets the admin go on without a new backup; empty when nothing does. */
    public StringProperty recentBackupProperty() {
        return recentBackup;
    }

    public StringProperty typedNameProperty() {
        return typedName;
    }

    public BooleanBinding ownBackupConfirmableProperty() {
        return ownBackupConfirmable;
    }

    public StringProperty ownBackupRecordedProperty() {
        return ownBackupRecorded;
    }
}
