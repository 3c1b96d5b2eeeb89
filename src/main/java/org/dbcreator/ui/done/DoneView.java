package org.dbcreator.ui.done;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.ui.app.Labels;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.status.StatusViewModel;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Done page: layout and bindings of the {@link DoneViewModel}. */
public final class DoneView {

    private final DoneViewModel model;

    public DoneView(DoneViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_2);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.databaseProperty().get() == null
                ? Messages.get("done.title.none") : Messages.get("done.title", model.databaseProperty().get().database()),
                model.databaseProperty()));
        Label release = new Label();
        release.setId("done-release");
        release.getStyleClass().addAll(Styles.TITLE_1, "versions");
        release.setGraphic(new FontIcon("mdi2c-check-circle"));
        release.textProperty().bind(model.releaseProperty());
        Label sentence = Labels.wrapped("done-sentence");
        sentence.textProperty().bind(model.sentenceProperty());

        VBox phases = new VBox(4);
        phases.setId("done-phases");
        Runnable drawPhases = () -> phases.getChildren().setAll(model.phases().isEmpty()
                ? java.util.List.of(muted(Messages.get("done.phases.none")))
                : model.phases().stream().map(p -> (Node) new Label(p, new FontIcon("mdi2t-timer-outline"))).toList());
        model.phases().addListener((ListChangeListener<String>) c -> drawPhases.run());
        drawPhases.run();

        Label backup = Labels.wrapped("done-backup");
        backup.setGraphic(new FontIcon("mdi2d-database-export-outline"));
        backup.textProperty().bind(model.backupProperty());

        Label nodesSummary = Labels.wrapped("done-nodes-summary");
        nodesSummary.textProperty().bind(model.nodesSummaryProperty());
        TableView<NodeStatus> nodes = new TableView<>(model.nodes());
        nodes.setId("done-nodes");
        nodes.setPrefHeight(150);
        nodes.setMinHeight(Region.USE_PREF_SIZE);
        nodes.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        nodes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        nodes.getColumns().add(column("status.nodes.name", NodeStatus::name, 180));
        nodes.getColumns().add(column("status.nodes.release", NodeStatus::release, 100));
        nodes.getColumns().add(column("status.nodes.state", n -> n.liveness().name().toLowerCase(), 90));
        nodes.getColumns().add(column("status.nodes.heartbeat", n -> StatusViewModel.age(n.heartbeatAge()), 120));
        nodes.visibleProperty().bind(Bindings.isNotEmpty(model.nodes()));
        nodes.managedProperty().bind(nodes.visibleProperty());

        Button report = new Button(Messages.get("done.report"), new FontIcon("mdi2f-file-document-outline"));
        report.setId("done-report");
        report.disableProperty().bind(model.busyProperty());
        report.setOnAction(e -> model.exportReport());
        Button status = new Button(Messages.get("done.status"), new FontIcon("mdi2a-arrow-left"));
        status.setId("done-status");
        status.setOnAction(e -> model.backToStatus());
        HBox actions = new HBox(8, report, status);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox page = new VBox(10, title, release, sentence, heading("done.phases"), phases, heading("done.backupHeading"),
                backup, heading("done.nodesHeading"), nodesSummary, nodes, actions);
        page.getStyleClass().add("page");
        return page;
    }

    private static <T> TableColumn<T, String> column(String key, java.util.function.Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(Messages.get(key));
        column.setCellValueFactory(cell -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
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
