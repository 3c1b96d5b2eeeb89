package org.dbcreator.ui.done;

import java.time.Duration;
import java.util.List;
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
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.ui.app.CliEquivalent;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.app.PageModel;
import org.dbcreator.ui.app.UiExecutor;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.DatabaseStatus;
import org.dbcreator.ui.service.WizardService;

/**
 * The Done page: what the database says now that a journey ended (its release, phase, how long
 * each phase took, the backup file, the nodes), with Export report and Back to status.
 */
public final class DoneViewModel implements PageModel {

    private final WizardService service;
    private final UiExecutor executor;
    private final Navigation navigation;
    private final java.util.function.Consumer<DatabaseStatus> read;

    private final ObjectProperty<ConnectedDatabase> database = new SimpleObjectProperty<>();
    private final ObjectProperty<DoneSummary> summary = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper release = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sentence = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper backup = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nodesSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<String> phases = FXCollections.observableArrayList();
    private final ObservableList<NodeStatus> nodes = FXCollections.observableArrayList();

    /** @param read told of the status read, so that the sidebar follows the database */
    public DoneViewModel(WizardService service, UiExecutor executor, Navigation navigation,
            java.util.function.Consumer<DatabaseStatus> read) {
        this.service = service;
        this.executor = executor;
        this.navigation = navigation;
        this.read = read;
    }

    /** Reads the database now and shows what it holds. */
    public void load(ConnectedDatabase connected) {
        database.set(connected);
        summary.set(null);
        busy.set(true);
        sentence.set(Messages.get("done.reading"));
        executor.run(() -> {
            DatabaseStatus status = service.status();
            return new Read(status, DoneSummary.of(status, service.recentBackups()));
        }, loaded -> {
            busy.set(false);
            show(loaded.summary());
            read.accept(loaded.status());
        }, failure -> {
            busy.set(false);
            sentence.set(Messages.get("done.unreadable"));
            navigation.showError(failure);
        });
    }

    private record Read(DatabaseStatus status, DoneSummary summary) {}

    private void show(DoneSummary s) {
        summary.set(s);
        release.set(s.release().map(Version::toString).orElse(Messages.get("status.noVersion")));
        sentence.set(s.sentence());
        phases.setAll(s.phases().stream().map(DoneViewModel::phase).toList());
        backup.set(s.backupFile().map(f -> Messages.get("done.backup", f)).orElse(Messages.get("done.backup.none")));
        nodes.setAll(s.nodes());
        long live = s.nodes().stream().filter(n -> n.liveness() == NodeStatus.Liveness.LIVE).count();
        nodesSummary.set(s.nodes().isEmpty() ? Messages.get("done.nodes.none")
                : Messages.get("done.nodes", s.nodes().size(), live));
    }

    static String phase(DoneSummary.PhaseRun run) {
        String versions = run.from().equals(run.to()) ? run.to().toString() : run.from() + " \u2192 " + run.to();
        String key = "operation." + run.operation().toUpperCase(java.util.Locale.ROOT);
        String operation = Messages.has(key) ? Messages.get(key) : run.operation().toLowerCase(java.util.Locale.ROOT);
        return Messages.get("done.phase", operation, versions, run.scripts(), duration(run.duration()));
    }

    static String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        return s < 3600 ? s / 60 + " min " + s % 60 + " s" : s / 3600 + " h " + s % 3600 / 60 + " min";
    }

    /** Export report: the support report of the database as it is now. */
    public void exportReport() {
        navigation.showReport();
    }

    public void backToStatus() {
        navigation.showStatus();
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return Bindings.createStringBinding(() -> Messages.get("done.primary"));
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return busy;
    }

    @Override
    public ObservableStringValue cliLine() {
        return Bindings.createStringBinding(() -> database.get() == null ? ""
                : CliEquivalent.of("status", database.get()), database);
    }

    /** The primary button goes back to Status: the journey is over. */
    @Override
    public void primary() {
        backToStatus();
    }

    public ObjectProperty<ConnectedDatabase> databaseProperty() {
        return database;
    }

    public ObjectProperty<DoneSummary> summaryProperty() {
        return summary;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty releaseProperty() {
        return release.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sentenceProperty() {
        return sentence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backupProperty() {
        return backup.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nodesSummaryProperty() {
        return nodesSummary.getReadOnlyProperty();
    }

    public ObservableList<String> phases() {
        return phases;
    }

    public ObservableList<NodeStatus> nodes() {
        return nodes;
    }
}
