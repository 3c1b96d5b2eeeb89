package org.dbcreator.ui.status;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.ui.app.ActionWords;
import org.dbcreator.ui.app.Labels;
import org.dbcreator.ui.app.Messages;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Status page: layout and bindings of what the {@link StatusViewModel} read. */
public final class StatusView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd'\n'HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final StatusViewModel model;

    public StatusView(StatusViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_2);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.databaseProperty().get() == null
                ? Messages.get("status.title.none") : Messages.get("status.title", model.databaseProperty().get().database(),
                        model.databaseProperty().get().server()), model.databaseProperty()));
        Label versions = new Label();
        versions.setId("status-versions");
        versions.getStyleClass().addAll(Styles.TITLE_1, "versions");
        versions.textProperty().bind(model.versionsProperty());
        Label sentence = Labels.wrapped("status-sentence");
        sentence.textProperty().bind(model.sentenceProperty());

        Label interrupted = Labels.wrapped("status-interrupted");
        interrupted.textProperty().bind(model.interruptedProperty());
        HBox resume = new HBox(8, new FontIcon("mdi2p-play-circle-outline"), interrupted);
        resume.getStyleClass().add("call-to-action");
        resume.setAlignment(Pos.CENTER_LEFT);
        resume.visibleProperty().bind(model.interruptedProperty().isNotEmpty());
        resume.managedProperty().bind(resume.visibleProperty());

        Label lockHeld = Labels.wrapped("status-lock-held");
        lockHeld.textProperty().bind(model.lockHeldProperty());
        Label otherRun = Labels.wrapped("status-other-run");
        otherRun.textProperty().bind(model.otherRunProperty());
        otherRun.visibleProperty().bind(model.otherRunProperty().isNotEmpty());
        otherRun.managedProperty().bind(otherRun.visibleProperty());
        HBox lock = new HBox(8, new FontIcon("mdi2a-account-lock"), new javafx.scene.layout.VBox(4, lockHeld, otherRun));
        lock.getStyleClass().add("call-to-action");
        lock.setAlignment(Pos.CENTER_LEFT);
        lock.visibleProperty().bind(model.lockHeldProperty().isNotEmpty());
        lock.managedProperty().bind(lock.visibleProperty());

        FlowPane hops = new FlowPane(8, 6);
        hops.setId("status-hops");
        Runnable drawHops = () -> hops.getChildren().setAll(model.hops().isEmpty()
                ? java.util.List.of(muted(Messages.get("status.path.none")))
                : model.hops().stream().map(StatusView::hop).toList());
        model.hops().addListener((ListChangeListener<String>) c -> drawHops.run());
        drawHops.run();
        Label range = Labels.wrapped("status-range");
        range.textProperty().bind(model.rangeProperty());

        VBox checks = new VBox(6);
        checks.setId("status-checks");
        Runnable drawChecks = () -> checks.getChildren().setAll(model.checks().isEmpty()
                ? java.util.List.of(muted(Messages.get("status.checks.none")))
                : model.checks().stream().map(StatusView::check).toList());
        model.checks().addListener((ListChangeListener<PreflightCheck>) c -> drawChecks.run());
        drawChecks.run();

        Label nodesSummary = Labels.wrapped("status-nodes-summary");
        nodesSummary.textProperty().bind(model.nodesSummaryProperty());
        TableView<NodeStatus> nodes = table("status-nodes", model.nodes(), 150);
        nodes.getColumns().add(column("status.nodes.name", NodeStatus::name, 160));
        nodes.getColumns().add(column("status.nodes.release", NodeStatus::release, 90));
        nodes.getColumns().add(column("status.nodes.state", n -> n.liveness().name().toLowerCase(), 80));
        nodes.getColumns().add(column("status.nodes.heartbeat", n -> StatusViewModel.age(n.heartbeatAge()), 110));
        nodes.getColumns().add(column("status.nodes.verdict", n -> Messages.get("node." + n.verdict().name()), 90));
        nodes.getColumns().add(column("status.nodes.reason", NodeStatus::reason, 320));
        nodes.visibleProperty().bind(Bindings.isNotEmpty(model.nodes()));
        nodes.managedProperty().bind(nodes.visibleProperty());

        TableView<AppliedScript> history = table("status-history", model.history(), 200);
        history.getColumns().add(column("status.history.when", a -> WHEN.format(a.finishedAt()), 100));
        history.getColumns().add(column("status.history.operation", AppliedScript::operation, 80));
        history.getColumns().add(column("status.history.version", a -> a.version().toString(), 80));
        history.getColumns().add(column("status.history.kind", a -> a.kind().name().toLowerCase().replace('_', ' '), 110));
        history.getColumns().add(column("status.history.script", model::stepName, 260));
        history.getColumns().add(column("status.history.by", AppliedScript::installedBy, 200));

        VBox findings = new VBox(4);
        findings.setId("status-findings");
        Runnable drawFindings = () -> findings.getChildren().setAll(model.findings().stream()
                .map(f -> (Node) new Label(f, new FontIcon("mdi2a-alert"))).toList());
        model.findings().addListener((ListChangeListener<String>) c -> drawFindings.run());
        findings.visibleProperty().bind(Bindings.isNotEmpty(model.findings()));
        findings.managedProperty().bind(findings.visibleProperty());

        Label next = Labels.wrapped("status-next");
        next.getStyleClass().add(Styles.TEXT_BOLD);
        next.textProperty().bind(model.nextActionTextProperty());
        Label nextCommand = Labels.wrapped("status-next-command");
        nextCommand.getStyleClass().addAll("cli-line", Styles.TEXT_MUTED);
        nextCommand.textProperty().bind(model.nextActionCommandProperty());
        nextCommand.visibleProperty().bind(model.nextActionCommandProperty().isNotEmpty());
        nextCommand.managedProperty().bind(nextCommand.visibleProperty());
        next.disableProperty().bind(model.nextActionRefusedProperty().isNotEmpty());
        nextCommand.disableProperty().bind(next.disableProperty());
        Label refused = Labels.wrapped("status-next-refused");
        refused.setGraphic(new FontIcon("mdi2l-lock"));
        refused.getStyleClass().add(Styles.WARNING);
        refused.textProperty().bind(model.nextActionRefusedProperty());
        refused.visibleProperty().bind(model.nextActionRefusedProperty().isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());
        javafx.scene.control.Button preview = new javafx.scene.control.Button(Messages.get("status.preview"),
                new FontIcon("mdi2e-eye-outline"));
        preview.setId("status-preview");
        preview.disableProperty().bind(model.busyProperty().or(model.databaseProperty().isNull()));
        preview.setOnAction(e -> model.preview());
        javafx.scene.control.Button deploy = new javafx.scene.control.Button(Messages.get("status.deploy"),
                new FontIcon("mdi2r-rocket-launch-outline"));
        deploy.setId("status-deploy");
        deploy.visibleProperty().bind(model.deployableProperty());
        deploy.managedProperty().bind(deploy.visibleProperty());
        deploy.disableProperty().bind(model.busyProperty());
        deploy.setOnAction(e -> model.deploy());
        javafx.scene.control.Button exportReport = new javafx.scene.control.Button(Messages.get("status.exportReport"),
                new FontIcon("mdi2f-file-document-outline"));
        exportReport.setId("status-export-report");
        exportReport.disableProperty().bind(model.busyProperty().or(model.databaseProperty().isNull()));
        exportReport.setOnAction(e -> model.exportReport());
        javafx.scene.control.Button refresh = new javafx.scene.control.Button(Messages.get("status.refresh"));
        refresh.setId("status-refresh");
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.busyProperty());
        HBox actions = new HBox(8, deploy, preview, exportReport, refresh);
        javafx.scene.control.TextArea previewText = new javafx.scene.control.TextArea();
        previewText.setId("status-preview-text");
        previewText.setEditable(false);
        previewText.getStyleClass().add("cli-line");
        previewText.setPrefRowCount(14);
        model.previewLines().addListener((ListChangeListener<String>) c -> previewText.setText(String.join("\n", model.previewLines())));
        previewText.visibleProperty().bind(Bindings.isNotEmpty(model.previewLines()));
        previewText.managedProperty().bind(previewText.visibleProperty());
        Label checksHeading = heading("status.checks");
        checksHeading.textProperty().bind(model.checksHeadingProperty());

        VBox page = new VBox(10, title, versions, sentence, resume, lock,
                heading("status.path"), hops, range,
                checksHeading, checks,
                heading("status.nodes"), nodesSummary, nodes,
                heading("status.history"), history, findings,
                heading("status.next"), next, nextCommand, refused, actions, previewText);
        page.getStyleClass().add("page");
        return page;
    }

    private static Node hop(String step) {
        Label hop = new Label(step.replace("->", "\u2192"));
        hop.getStyleClass().add("hop");
        return hop;
    }

    private static Node check(PreflightCheck check) {
        String icon = switch (check.verdict()) {
            case GREEN -> "mdi2c-check-circle";
            case AMBER -> "mdi2a-alert";
            case RED -> "mdi2c-close-circle";
        };
        FontIcon light = new FontIcon(icon);
        light.getStyleClass().add("check-" + check.verdict().name().toLowerCase());
        String title = Messages.get("check." + check.id().name());
        Label name = new Label(title);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(150);
        Label evidence = new Label(check.evidence());
        evidence.setWrapText(true);
        VBox text = new VBox(2, evidence);
        for (NextAction action : check.fix()) {
            Label fix = new Label("\u2192 " + ActionWords.text(action));
            fix.setWrapText(true);
            fix.getStyleClass().add(Styles.TEXT_MUTED);
            text.getChildren().add(fix);
        }
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        HBox line = new HBox(8, light, name, text);
        line.setId("check-" + check.id().name());
        line.setAccessibleText(check.verdict() + " " + title + ": " + check.evidence());
        return line;
    }

    private static <T> TableView<T> table(String id, javafx.collections.ObservableList<T> items, double height) {
        TableView<T> table = new TableView<>(items);
        table.setId(id);
        table.setPrefHeight(height);
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(muted(Messages.get("status.table.empty")));
        return table;
    }

    private static <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(Messages.get(key));
        column.setCellValueFactory(cell -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(c -> wrappingCell());
        return column;
    }

    /** A cell that wraps a long value (a script's class name, who ran it) onto more lines instead of cutting it. */
    private static <T> TableCell<T, String> wrappingCell() {
        TableCell<T, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        cell.setWrapText(true);
        return cell;
    }

    private static Label heading(String key) {
        Label heading = new Label(Messages.get(key));
        heading.getStyleClass().addAll(Styles.TITLE_4, "section");
        return heading;
    }


    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
