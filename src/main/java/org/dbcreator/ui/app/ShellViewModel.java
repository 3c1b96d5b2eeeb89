package org.dbcreator.ui.app;

import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dbcreator.ui.backup.BackupViewModel;
import org.dbcreator.ui.cleanup.CleanupViewModel;
import org.dbcreator.ui.rollback.RollbackViewModel;
import org.dbcreator.ui.connect.ConnectViewModel;
import org.dbcreator.ui.deploy.DeployViewModel;
import org.dbcreator.ui.done.DoneViewModel;
import org.dbcreator.ui.expand.ExpandViewModel;
import org.dbcreator.ui.nodes.NodesViewModel;
import org.dbcreator.ui.report.ReportViewModel;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.DatabaseStatus;
import org.dbcreator.ui.service.RecentConnection;
import org.dbcreator.ui.service.WizardService;
import org.dbcreator.ui.status.StatusViewModel;
import org.dbcreator.ui.welcome.WelcomeViewModel;

/**
 * The window's state around the pages: which page shows, what is connected, the sidebar's marks
 * (derived from the last status read), the error banner, the theme, and the primary button of the
 * current page with its command-line equivalent.
 */
public final class ShellViewModel implements Navigation {

    private final WizardService service;
    private final UiExecutor executor;
    private final LogFeed log;
    private final WelcomeViewModel welcome;
    private final ConnectViewModel connect;
    private final StatusViewModel status;
    private final NodesViewModel nodes;
    private final CleanupViewModel cleanup;
    private final RollbackViewModel rollback;
    private final ReportViewModel report;
    private final DeployViewModel deploy;
    private final DoneViewModel done;
    private final BackupViewModel backup;
    private final ExpandViewModel expand;

    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.WELCOME);
    private final ObjectProperty<Journey> journey = new SimpleObjectProperty<>(Journey.UPGRADE);
    private final ObjectProperty<ConnectedDatabase> connection = new SimpleObjectProperty<>();
    private final ObjectProperty<DatabaseStatus> lastStatus = new SimpleObjectProperty<>();
    private final ObservableList<StepMark> steps = FXCollections.observableArrayList();
    private final ObjectProperty<ErrorReport> error = new SimpleObjectProperty<>();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final StringProperty busy = new SimpleStringProperty("");
    private final StringProperty primaryLabel = new SimpleStringProperty("");
    private final BooleanProperty primaryDisabled = new SimpleBooleanProperty();
    private final StringProperty cliLine = new SimpleStringProperty("");

    public ShellViewModel(WizardService service, UiExecutor executor, LogFeed log, String defaultDatabase) {
        this.service = service;
        this.executor = executor;
        this.log = log;
        this.welcome = new WelcomeViewModel(service, executor, this);
        this.connect = new ConnectViewModel(service, executor, this, defaultDatabase);
        this.status = new StatusViewModel(service, executor, this, lastStatus::set);
        this.nodes = new NodesViewModel(service, executor, this, this::nodesRead);
        this.cleanup = new CleanupViewModel(service, executor, this);
        this.rollback = new RollbackViewModel(service, executor, this);
        page.addListener((o, left, shown) -> {
            if (left == Page.RESTART_NODES) {
                nodes.close(); // the cards are read only while they show
            }
            if (left == Page.STATUS) {
                status.close(); // another operator's run is followed only while the page shows
            }
        });
        this.report = new ReportViewModel(service, executor, this,
                ReportViewModel.defaultFolder(java.nio.file.Path.of(System.getProperty("user.home"))),
                java.time.Clock.systemDefaultZone());
        this.deploy = new DeployViewModel(service, executor, this, lastStatus::set);
        this.done = new DoneViewModel(service, executor, this, lastStatus::set);
        status.journeyProperty().bind(journey);
        this.backup = new BackupViewModel(service, executor, this);
        this.expand = new ExpandViewModel(service, executor, this);
        backup.databaseProperty().bind(connection);
        expand.databaseProperty().bind(connection);
        // the sidebar follows the database: read its state again when a backup is recorded, an expand ends or stops
        backup.stateProperty().addListener((o, before, now) -> {
            if (now == BackupViewModel.State.DONE) {
                executor.run(service::status, lastStatus::set, failure -> { });
            }
        });
        expand.stateProperty().addListener((o, before, now) -> {
            if (now == ExpandViewModel.State.EXPANDED || now == ExpandViewModel.State.STOPPED) {
                executor.run(service::status, lastStatus::set, failure -> { });
            }
        });
        journey.addListener((o, b, a) -> updateSteps());
        connection.addListener((o, b, a) -> updateSteps());
        lastStatus.addListener((o, b, a) -> updateSteps());
        lastStatus.addListener((o, b, read) -> expand.nodesRestartedProperty().set(read != null
                && JourneySteps.nodesRestarted(read.report().phase(), read.nodes())));
        page.addListener((o, b, shown) -> bindPrimary(shown));
        page.addListener((o, b, shown) -> updateSteps());
        updateSteps();
        bindPrimary(Page.WELCOME);
    }

    private void updateSteps() {
        steps.setAll(JourneySteps.of(journey.get(), JourneySteps.stepOf(page.get()), connection.get() != null, Optional.ofNullable(lastStatus.get())));
    }

    private void bindPrimary(Page shown) {
        PageModel model = pageModel(shown);
        primaryLabel.bind(model.primaryLabel());
        primaryDisabled.bind(model.primaryDisabled());
        cliLine.bind(model.cliLine());
    }

    private PageModel pageModel(Page shown) {
        return switch (shown) {
            case WELCOME -> welcome;
            case CONNECT -> connect;
            case STATUS -> status;
            case RESTART_NODES -> nodes;
            case CLEANUP -> cleanup;
            case ROLLBACK -> rollback;
            case REPORT -> report;
            case DEPLOY -> deploy;
            case DONE -> done;
            case BACKUP -> backup;
            case EXPAND -> expand;
        };
    }

    /** The page the window opens on: Welcome, or Connect filled from a profile. */
    public void start(Optional<RecentConnection> profile) {
        welcome.refresh();
        profile.ifPresent(p -> showConnect(Journey.UPGRADE, Optional.of(p)));
    }

    public void primary() {
        if (!primaryDisabled.get()) {
            pageModel(page.get()).primary();
        }
    }

    /** Esc and the Back button: one page back. */
    public void back() {
        switch (page.get()) {
            case CONNECT -> showWelcome();
            case STATUS -> showConnect(journey.get(), Optional.empty());
            case REPORT, DEPLOY, DONE, RESTART_NODES -> showStatus(); // read again: a run may have changed it
            case CLEANUP -> {
                if (!cleanup.runningProperty().get()) {
                    showRestartNodes();
                }
            }
            case ROLLBACK -> {
                if (!rollback.runningProperty().get()) {
                    showStatus();
                }
            }
            case BACKUP -> {
                if (!backup.isRunning()) {
                    showStatus();
                }
            }
            case EXPAND -> {
                if (!expand.isRunning()) {
                    showStatus();
                }
            }
            default -> { }
        }
    }

    public boolean canGoBack() {
        return page.get() != Page.WELCOME && !(page.get() == Page.DEPLOY && deploy.runningProperty().get())
                && !(page.get() == Page.CLEANUP && cleanup.runningProperty().get())
                && !(page.get() == Page.ROLLBACK && rollback.runningProperty().get())
                && !(page.get() == Page.BACKUP && backup.isRunning()) && !(page.get() == Page.EXPAND && expand.isRunning());
    }

    public void dismissError() {
        error.set(null);
    }

    @Override
    public void showWelcome() {
        welcome.refresh();
        page.set(Page.WELCOME);
    }

    @Override
    public void showConnect(Journey chosen, Optional<RecentConnection> profile) {
        journey.set(chosen);
        connect.open(chosen, profile);
        page.set(Page.CONNECT);
    }

    @Override
    public void connected(ConnectedDatabase database) {
        connection.set(database);
        lastStatus.set(null);
        error.set(null);
        log(Messages.get("log.connected", database.user(), database.host(), database.port(), database.database(),
                database.server()));
        page.set(Page.STATUS);
        status.load(database);
    }

    @Override
    public void showBackup() {
        if (lastStatus.get() == null) {
            return;
        }
        backup.open(lastStatus.get());
        page.set(Page.BACKUP);
    }

    @Override
    public void showExpand() {
        expand.open();
        page.set(Page.EXPAND);
    }

    @Override
    public void showRestartNodes() {
        if (connection.get() == null) {
            return;
        }
        page.set(Page.RESTART_NODES);
        nodes.open(connection.get());
    }

    @Override
    public void showCleanup() {
        if (connection.get() == null) {
            return;
        }
        page.set(Page.CLEANUP);
        cleanup.open(connection.get());
    }

    @Override
    public void showRollback() {
        if (connection.get() == null) {
            return;
        }
        nodes.close();
        page.set(Page.ROLLBACK);
        rollback.open(connection.get());
    }

    /** The Restart nodes page read the gate: the sidebar's marks follow it when it opened or shut since. */
    private void nodesRead(org.dbcreator.ui.service.NodeBoard board) {
        DatabaseStatus last = lastStatus.get();
        if (last != null && !last.nodes().map(org.dbcreator.cluster.GateReport::isOpen)
                .equals(board.gate().map(org.dbcreator.cluster.GateReport::isOpen))) {
            lastStatus.set(new DatabaseStatus(last.report(), board.gate(), last.readIn()));
        }
    }

    /** A click on a sidebar step that has a page of its own and is not locked. */
    public void openStep(Journey.Step step) {
        boolean locked = steps.stream().anyMatch(m -> m.step() == step && m.mark() == StepMark.Mark.LOCKED);
        if (locked || connection.get() == null || !busy.get().isEmpty() || cleanup.runningProperty().get() || rollback.runningProperty().get()
                || deploy.runningProperty().get() || backup.isRunning() || expand.isRunning()) {
            return;
        }
        switch (step) {
            case STATUS -> showStatus();
            case REPORT -> showReport();
            case DEPLOY -> showDeploy();
            case DONE -> showDone();
            case BACKUP -> showBackup();
            case EXPAND -> showExpand();
            case RESTART_NODES -> showRestartNodes();
            case CLEANUP -> showCleanup();
            default -> { }
        }
    }

    @Override
    public void showReport() {
        if (connection.get() != null) {
            report.open(connection.get(), Optional.ofNullable(lastStatus.get()));
            page.set(Page.REPORT);
        }
    }

    @Override
    public void showDeploy() {
        if (connection.get() == null) {
            return;
        }
        journey.set(Journey.DEPLOY);
        error.set(null);
        deploy.open(connection.get());
        page.set(Page.DEPLOY);
    }

    @Override
    public void showDone() {
        if (connection.get() == null) {
            return;
        }
        done.load(connection.get());
        page.set(Page.DONE);
    }

    @Override
    public void showStatus() {
        if (connection.get() == null) {
            showWelcome();
            return;
        }
        page.set(Page.STATUS);
        status.load(connection.get());
    }

    @Override
    public void startDemo() {
        if (!busy.get().isEmpty()) {
            return;
        }
        journey.set(Journey.UPGRADE);
        busy.set(Messages.get("demo.starting"));
        log(Messages.get("demo.starting"));
        executor.run(() -> service.startDemo(WelcomeViewModel.DEMO_NODES, event -> { }), database -> {
            busy.set("");
            connected(database);
        }, failure -> {
            busy.set("");
            showError(failure);
        });
    }

    @Override
    public void showError(Throwable failure) {
        Optional<String> state = Optional.ofNullable(lastStatus.get()).map(s -> StatusViewModel.sentence(s.report()));
        ErrorReport report = ErrorReport.of(failure, state);
        log("error " + report.code() + ": " + report.message());
        error.set(report);
    }

    /** Shows a failure that has its report already (an uncaught exception). */
    public void showError(ErrorReport report) {
        log("error " + report.code() + ": " + report.message());
        error.set(report);
    }

    @Override
    public void log(String line) {
        log.add(line);
    }

    public WelcomeViewModel welcome() {
        return welcome;
    }

    public ConnectViewModel connect() {
        return connect;
    }

    public StatusViewModel status() {
        return status;
    }

    public DeployViewModel deploy() {
        return deploy;
    }

    public DoneViewModel done() {
        return done;
    }

    public NodesViewModel nodes() {
        return nodes;
    }

    public CleanupViewModel cleanup() {
        return cleanup;
    }

    public RollbackViewModel rollback() {
        return rollback;
    }

    public ReportViewModel report() {
        return report;
    }

    public BackupViewModel backup() {
        return backup;
    }

    public ExpandViewModel expand() {
        return expand;
    }

    public LogFeed log() {
        return log;
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public ObjectProperty<Journey> journeyProperty() {
        return journey;
    }

    public ObjectProperty<ConnectedDatabase> connectionProperty() {
        return connection;
    }

    public ObservableList<StepMark> steps() {
        return steps;
    }

    public ObjectProperty<ErrorReport> errorProperty() {
        return error;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public StringProperty busyProperty() {
        return busy;
    }

    public StringProperty primaryLabelProperty() {
        return primaryLabel;
    }

    public BooleanProperty primaryDisabledProperty() {
        return primaryDisabled;
    }

    public StringProperty cliLineProperty() {
        return cliLine;
    }
}
