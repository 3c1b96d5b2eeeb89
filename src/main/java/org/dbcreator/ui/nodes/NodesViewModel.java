package org.dbcreator.ui.nodes;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.Phase;
import org.dbcreator.ui.app.CliEquivalent;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.app.PageModel;
import org.dbcreator.ui.app.UiExecutor;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.NodeBoard;
import org.dbcreator.ui.service.WizardService;
import org.dbcreator.ui.status.StatusViewModel;

/**
 * The Restart nodes page: a live card per node (read every two seconds on the poll thread), the
 * cleanup gate's verdict with every reason, the suggested next node and how to restart it, and the
 * exclusion of a node gone for good. The Cleanup stays locked, with the reason, until the gate opens.
 */
public final class NodesViewModel implements PageModel {

    /** How often the cards are read again. */
    public static final Duration POLL = Duration.ofSeconds(2);

    private final WizardService service;
    private final UiExecutor executor;
    private final Navigation navigation;

    private final ObjectProperty<ConnectedDatabase> database = new SimpleObjectProperty<>();
    private final ObjectProperty<NodeBoard> board = new SimpleObjectProperty<>();
    private final ObservableList<NodeCard> cards = FXCollections.observableArrayList();
    private final ObservableList<String> reasons = FXCollections.observableArrayList();
    private final ObjectProperty<GateReport.Verdict> verdict = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper verdictText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper suggestedNext = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper instructions = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cleanupLock = new ReadOnlyStringWrapper(Messages.get("nodes.lock.reading"));
    private final StringProperty excluding = new SimpleStringProperty("");
    private final StringProperty typedName = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding cleanupAllowed = Bindings.createBooleanBinding(
            () -> board.get() != null && cleanupLock.get().isEmpty(), board, cleanupLock);
    private UiExecutor.Repeating polling;

    private final java.util.function.Consumer<NodeBoard> read;

    public NodesViewModel(WizardService service, UiExecutor executor, Navigation navigation) {
        this(service, executor, navigation, board -> { });
    }

    /** @param read told of every read of the nodes, so that the sidebar follows the gate */
    public NodesViewModel(WizardService service, UiExecutor executor, Navigation navigation,
            java.util.function.Consumer<NodeBoard> read) {
        this.service = service;
        this.executor = executor;
        this.navigation = navigation;
        this.read = read;
    }

    /** Shows the page for {@code connected}: reads the nodes now, then every two seconds until {@link #close()}. */
    public void open(ConnectedDatabase connected) {
        close();
        database.set(connected);
        board.set(null);
        cleanupLock.set(Messages.get("nodes.lock.reading"));
        polling = executor.repeat(POLL, service::nodes, this::show, this::pollFailed);
    }

    /** Stops reading (the page is left). */
    public void close() {
        if (polling != null) {
            polling.stop();
            polling = null;
        }
    }

    public boolean isPolling() {
        return polling != null;
    }

    /** A failed read stops the polling and shows the banner: the cards would only lie from here on. */
    private void pollFailed(Throwable failure) {
        close();
        navigation.showError(failure);
    }

    /** Asks to exclude {@code name}: the page then wants its name typed. */
    public void askToExclude(String name) {
        excluding.set(name);
        typedName.set("");
    }

    public void cancelExclusion() {
        excluding.set("");
        typedName.set("");
    }

    /** Excludes the node asked for with the name as typed; the service refuses a mistyped or live one. */
    public void confirmExclusion() {
        String name = excluding.get();
        if (name.isEmpty()) {
            return;
        }
        String typed = typedName.get();
        call(() -> service.excludeNode(name, typed), Messages.get("log.nodes.excluded", name), true);
    }

    /** Restarts the demo node on the release the database is expanded to. */
    public void restartDemo(String name) {
        call(() -> service.restartDemoNode(name), Messages.get("log.nodes.restarted", name), false);
    }

    /** Kills the demo node: its heartbeat goes stale. */
    public void killDemo(String name) {
        call(() -> service.killDemoNode(name), Messages.get("log.nodes.killed", name), false);
    }

    private void call(java.util.concurrent.Callable<NodeBoard> work, String logLine, boolean exclusion) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        executor.run(work, read -> {
            busy.set(false);
            if (exclusion) {
                cancelExclusion();
            }
            navigation.log(logLine);
            show(read);
        }, failure -> {
            busy.set(false);
            navigation.showError(failure);
        });
    }

    private void show(NodeBoard read) {
        board.set(read);
        Optional<GateReport> gate = read.gate();
        cards.setAll(gate.map(g -> g.nodes().stream().map(n -> card(n, read)).toList()).orElse(List.of()));
        verdict.set(gate.map(GateReport::verdict).orElse(null));
        verdictText.set(verdictText(read));
        reasons.setAll(gate.map(g -> g.blockers().stream().map(NodesViewModel::reasonLine).toList()).orElse(List.of()));
        suggestedNext.set(suggestedNext(read).orElse(""));
        String target = read.state().map(s -> s.targetVersion().toString()).orElse("?");
        instructions.set(service.restartInstructions().map(text -> Messages.get("nodes.instructions.product", text))
                .orElse(Messages.get("nodes.instructions.default", target)));
        cleanupLock.set(cleanupLock(read).orElse(""));
        this.read.accept(read);
    }

    static NodeCard card(NodeStatus node, NodeBoard read) {
        boolean excludable = node.verdict() == NodeStatus.Verdict.BLOCKED && node.liveness() != NodeStatus.Liveness.LIVE;
        return new NodeCard(node.name(), node.release(), Messages.get("nodes.liveness." + node.liveness().name(),
                node.state()), StatusViewModel.age(node.heartbeatAge()), node.verdict(),
                Messages.get("nodes.verdict." + node.verdict().name()), node.reason(),
                read.demoNodes().contains(node.name()), excludable);
    }

    /** "waiting: demo-node-2 runs 4.0.0, not 4.3.0: ..." or "needs you: ...": the two kinds told apart. */
    static String reasonLine(NodeStatus blocker) {
        String kind = blocker.verdict() == NodeStatus.Verdict.WAITING ? "nodes.reason.waiting" : "nodes.reason.failed";
        return Messages.get(kind, blocker.name() + " " + blocker.reason());
    }

    static String verdictText(NodeBoard read) {
        if (read.state().isEmpty()) {
            return Messages.get("nodes.verdict.notManaged");
        }
        if (read.gate().isEmpty()) {
            return Messages.get("nodes.verdict.noRegistry");
        }
        GateReport g = read.gate().get();
        return switch (g.verdict()) {
            case OPEN -> Messages.get("nodes.gate.open", g.target(), g.live());
            case WAITING -> Messages.get("nodes.gate.waiting", g.target(), g.blockers().size());
            case BLOCKED -> Messages.get("nodes.gate.blocked", g.target(), g.blockers().stream()
                    .filter(n -> n.verdict() != NodeStatus.Verdict.WAITING).count());
        };
    }

    /** The node to restart next: the first (by name) live node waiting for its restart; else the first needing a person. */
    static Optional<String> suggestedNext(NodeBoard read) {
        if (read.gate().isEmpty()) {
            return Optional.empty();
        }
        GateReport g = read.gate().get();
        Optional<NodeStatus> waiting = g.blockers().stream().filter(n -> n.verdict() == NodeStatus.Verdict.WAITING)
                .min(Comparator.comparing(NodeStatus::name));
        if (waiting.isPresent()) {
            return Optional.of(Messages.get("nodes.next.restart", waiting.get().name(), g.target()));
        }
        return g.blockers().stream().min(Comparator.comparing(NodeStatus::name))
                .map(n -> Messages.get("nodes.next.attend", n.name()));
    }

    /** Why the Cleanup cannot start yet; empty when it can. */
    static Optional<String> cleanupLock(NodeBoard read) {
        if (read.state().isEmpty()) {
            return Optional.of(Messages.get("nodes.lock.notManaged"));
        }
        DatabaseState s = read.state().get();
        return switch (s.phase()) {
            case CLEANING -> Optional.empty(); // an interrupted cleanup: the Cleanup page resumes it
            case EXPANDED -> read.gate().filter(g -> !g.isOpen()).map(g -> Messages.get("nodes.lock.gateShut",
                    g.blockers().size(), g.target()));
            case CLEAN -> Optional.of(Messages.get("nodes.lock.nothingExpanded", s.targetVersion()));
            case EXPANDING, DEPLOYING, ROLLING_BACK -> Optional.of(Messages.get("nodes.lock.unfinished",
                    Messages.get("nodes.phase." + s.phase().name())));
        };
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return Bindings.createStringBinding(() -> Messages.get("nodes.primary"));
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return cleanupAllowed.not().or(busy);
    }

    @Override
    public ObservableStringValue cliLine() {
        return Bindings.createStringBinding(() -> database.get() == null ? "" : CliEquivalent.of("nodes", database.get()),
                database);
    }

    @Override
    public void primary() {
        if (cleanupAllowed.get()) {
            close();
            navigation.showCleanup();
        }
    }

    public ObjectProperty<ConnectedDatabase> databaseProperty() {
        return database;
    }

    public ObjectProperty<NodeBoard> boardProperty() {
        return board;
    }

    public ObservableList<NodeCard> cards() {
        return cards;
    }

    /** Every reason the gate is shut, waiting told apart from needing a person. */
    public ObservableList<String> reasons() {
        return reasons;
    }

    public ObjectProperty<GateReport.Verdict> verdictProperty() {
        return verdict;
    }

    public ReadOnlyStringProperty verdictTextProperty() {
        return verdictText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty suggestedNextProperty() {
        return suggestedNext.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty instructionsProperty() {
        return instructions.getReadOnlyProperty();
    }

    /** Why the Cleanup is locked; empty when it is not. */
    public ReadOnlyStringProperty cleanupLockProperty() {
        return cleanupLock.getReadOnlyProperty();
    }

    public BooleanBinding cleanupAllowed() {
        return cleanupAllowed;
    }

    /** The node whose exclusion was asked for; empty when none is. */
    public StringProperty excludingProperty() {
        return excluding;
    }

    public StringProperty typedNameProperty() {
        return typedName;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
