package org.dbcreator.ui.app;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.dbcreator.ui.cleanup.CleanupView;
import org.dbcreator.ui.rollback.RollbackView;
import org.dbcreator.ui.connect.ConnectView;
import org.dbcreator.ui.nodes.NodesView;
import org.dbcreator.ui.report.ReportView;
import org.dbcreator.ui.deploy.DeployView;
import org.dbcreator.ui.done.DoneView;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.backup.BackupView;
import org.dbcreator.ui.expand.ExpandView;
import org.dbcreator.ui.status.StatusView;
import org.dbcreator.ui.welcome.WelcomeView;
import org.kordamp.ikonli.javafx.FontIcon;

/** The window's frame (WIZARD.md, "The window"): layout and bindings only, the state is the {@link ShellViewModel}'s. */
public final class WizardWindow {

    public static final double WIDTH = 1100;
    public static final double HEIGHT = 760;

    private final ShellViewModel model;
    private final Node welcome;
    private final Node connect;
    private final Node status;
    private final Node nodes;
    private final Node cleanup;
    private final Node rollback;
    private final Node report;
    private final Node deploy;
    private final Node done;
    private final Node backup;
    private final Node expand;

    public WizardWindow(ShellViewModel model) {
        this.model = model;
        this.welcome = new WelcomeView(model.welcome()).root();
        this.connect = new ConnectView(model.connect()).root();
        this.status = new StatusView(model.status()).root();
        this.nodes = new NodesView(model.nodes()).root();
        this.cleanup = new CleanupView(model.cleanup()).root();
        this.rollback = new RollbackView(model.rollback()).root();
        this.report = new ReportView(model.report()).root();
        this.deploy = new DeployView(model.deploy()).root();
        this.done = new DoneView(model.done()).root();
        this.backup = new BackupView(model.backup()).root();
        this.expand = new ExpandView(model.expand()).root();
    }

    public Scene scene() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("wizard");
        root.setTop(connectionBar());
        root.setLeft(sidebar());
        root.setCenter(pageArea());
        root.setBottom(bottom());
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(Theme.STYLESHEET);
        return scene;
    }

    private Parent connectionBar() {
        FontIcon dot = new FontIcon("mdi2d-database");
        Label where = new Label();
        where.setId("connection-where");
        where.getStyleClass().add(Styles.TEXT_BOLD);
        Label user = new Label();
        user.setId("connection-user");
        Label tls = new Label();
        tls.setId("connection-tls");
        Label environment = new Label();
        environment.setId("connection-environment");
        environment.getStyleClass().add("environment-label");
        where.textProperty().bind(Bindings.createStringBinding(() -> model.connectionProperty().get() == null
                ? Messages.get("bar.notConnected") : describe(model.connectionProperty().get()), model.connectionProperty()));
        user.textProperty().bind(Bindings.createStringBinding(() -> model.connectionProperty().get() == null ? ""
                : Messages.get("bar.user", model.connectionProperty().get().user()), model.connectionProperty()));
        tls.textProperty().bind(Bindings.createStringBinding(() -> model.connectionProperty().get() == null ? ""
                : Messages.get("bar.tls", model.connectionProperty().get().tlsMode()), model.connectionProperty()));
        environment.textProperty().bind(Bindings.createStringBinding(() -> model.connectionProperty().get() == null ? ""
                : model.connectionProperty().get().environment().map(String::toUpperCase).orElse(""),
                model.connectionProperty()));
        environment.visibleProperty().bind(environment.textProperty().isNotEmpty());
        environment.managedProperty().bind(environment.visibleProperty());
        Button theme = new Button();
        theme.setId("theme-toggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(model.darkProperty().get()
                ? "mdi2w-white-balance-sunny" : "mdi2w-weather-night"), model.darkProperty()));
        theme.setTooltip(new Tooltip(Messages.get("bar.theme")));
        theme.setAccessibleText(Messages.get("bar.theme"));
        theme.setOnAction(e -> model.darkProperty().set(!model.darkProperty().get()));
        HBox bar = new HBox(12, dot, where, user, tls, environment, spacer(), theme);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("connection-bar");
        return bar;
    }

    private static String describe(ConnectedDatabase db) {
        return Messages.get("bar.where", db.database(), db.host(), String.valueOf(db.port()), db.server());
    }

    private Parent sidebar() {
        VBox list = new VBox(4);
        list.setId("sidebar");
        list.getStyleClass().add("sidebar");
        Runnable draw = () -> list.getChildren().setAll(model.steps().stream().map(this::stepLine).toList());
        model.steps().addListener((ListChangeListener<StepMark>) change -> draw.run());
        draw.run();
        return list;
    }

    private Node stepLine(StepMark mark) {
        String icon = switch (mark.mark()) {
            case DONE -> "mdi2c-check-circle";
            case CURRENT -> "mdi2a-arrow-right-circle";
            case NEXT -> "mdi2a-arrow-right-circle-outline";
            case TODO -> "mdi2c-circle-outline";
            case LOCKED -> "mdi2l-lock";
        };
        Label line = new Label(mark.step().label(), new FontIcon(icon));
        line.getStyleClass().addAll("step", "step-" + mark.mark().name().toLowerCase());
        line.setAccessibleText(mark.step().label() + ": " + Messages.get("mark." + mark.mark().name().toLowerCase())
                + (mark.reason().isEmpty() ? "" : ". " + mark.reason()));
        if (!mark.reason().isEmpty()) {
            line.setTooltip(new Tooltip(mark.reason()));
        }
        line.setMaxWidth(Double.MAX_VALUE);
        line.setOnMouseClicked(e -> model.openStep(mark.step()));
        return line;
    }

    private Parent pageArea() {
        StackPane page = new StackPane();
        page.getChildren().setAll(pageNode(model.pageProperty().get()));
        model.pageProperty().addListener((o, before, shown) -> page.getChildren().setAll(pageNode(shown)));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox busy = busyLine();
        VBox area = new VBox(busy, scroll, new ErrorBanner(model).root());
        area.getStyleClass().add("page-area");
        return area;
    }

    private HBox busyLine() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label text = new Label();
        text.setId("busy-text");
        text.textProperty().bind(model.busyProperty());
        HBox busy = new HBox(8, spinner, text);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.getStyleClass().add("busy-line");
        busy.visibleProperty().bind(model.busyProperty().isNotEmpty());
        busy.managedProperty().bind(busy.visibleProperty());
        return busy;
    }

    private Node pageNode(Page page) {
        return switch (page) {
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

    /** The log drawer, the command line of the primary action, and the buttons: each on a row of its own. */
    private Parent bottom() {
        Label cli = new Label();
        cli.setId("cli-line");
        cli.getStyleClass().add("cli-line");
        cli.textProperty().bind(model.cliLineProperty());
        cli.setWrapText(true);
        cli.setMinHeight(Region.USE_PREF_SIZE);
        cli.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(cli, Priority.ALWAYS);
        Label cliLabel = fixed(new Label(Messages.get("bottom.cli")));
        cliLabel.getStyleClass().add(Styles.TEXT_MUTED);
        Button copy = fixed(new Button(Messages.get("bottom.copy"), new FontIcon("mdi2c-content-copy")));
        copy.setId("cli-copy");
        copy.getStyleClass().add(Styles.SMALL);
        copy.setOnAction(e -> copy(model.cliLineProperty().get()));
        HBox cliRow = new HBox(8, cliLabel, cli, copy);
        cliRow.setAlignment(Pos.CENTER_LEFT);
        cliRow.getStyleClass().add("cli-row");
        cliRow.visibleProperty().bind(model.cliLineProperty().isNotEmpty());
        cliRow.managedProperty().bind(cliRow.visibleProperty());

        Button back = fixed(new Button(Messages.get("bottom.back")));
        back.setId("back");
        back.setCancelButton(true);
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canGoBack(), model.pageProperty(),
                model.deploy().runningProperty()));
        back.setOnAction(e -> model.back());
        Button primary = fixed(new Button());
        primary.setId("primary");
        primary.getStyleClass().add(Styles.ACCENT);
        primary.setDefaultButton(true);
        primary.textProperty().bind(model.primaryLabelProperty());
        primary.disableProperty().bind(model.primaryDisabledProperty().or(model.busyProperty().isNotEmpty()));
        primary.setOnAction(e -> model.primary());
        HBox buttons = new HBox(8, back, primary);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add("button-row");
        return new VBox(new LogDrawer(model.log()).root(), cliRow, buttons);
    }

    /** A control that keeps its full text: the row gives way elsewhere. */
    private static <T extends Region> T fixed(T control) {
        control.setMinWidth(Region.USE_PREF_SIZE);
        return control;
    }

    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
