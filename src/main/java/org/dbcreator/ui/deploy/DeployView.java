package org.dbcreator.ui.deploy;

import atlantafx.base.theme.Styles;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.dbcreator.catalog.Version;
import org.dbcreator.ui.app.Labels;
import org.dbcreator.ui.app.Messages;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Deploy page: layout and bindings of the {@link DeployViewModel}. */
public final class DeployView {

    private final DeployViewModel model;

    public DeployView(DeployViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_2);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.databaseProperty().get() == null
                ? Messages.get("deploy.title.none") : Messages.get("deploy.title", model.databaseProperty().get().database(),
                        model.databaseProperty().get().server()), model.databaseProperty()));
        Label intro = Labels.wrapped("deploy-intro");
        intro.setText(Messages.get("deploy.intro"));

        ComboBox<Version> release = new ComboBox<>(model.releases());
        release.setId("deploy-release");
        release.valueProperty().bindBidirectional(model.releaseProperty());
        release.disableProperty().bind(model.runningProperty());
        Label releaseLabel = new Label(Messages.get("deploy.release"));
        releaseLabel.setLabelFor(release);
        releaseLabel.setMinWidth(140);
        Label newest = new Label();
        newest.getStyleClass().add(Styles.TEXT_MUTED);
        newest.textProperty().bind(Bindings.createStringBinding(() -> !model.releases().isEmpty()
                && model.releases().get(0).equals(model.releaseProperty().get()) ? Messages.get("deploy.release.newest") : "",
                model.releaseProperty(), model.releases()));
        HBox releaseRow = new HBox(10, releaseLabel, release, newest);
        releaseRow.setAlignment(Pos.CENTER_LEFT);

        CheckBox withSample = new CheckBox(Messages.get("deploy.sample"));
        withSample.setId("deploy-sample");
        withSample.selectedProperty().bindBidirectional(model.withSampleProperty());
        withSample.disableProperty().bind(model.runningProperty());
        withSample.setMinWidth(140);
        TextField rows = new TextField();
        rows.setId("deploy-sample-rows");
        rows.setPrefColumnCount(10);
        rows.textProperty().bindBidirectional(model.sampleRowsProperty());
        rows.disableProperty().bind(model.withSampleProperty().not().or(model.runningProperty()));
        rows.setAccessibleText(Messages.get("deploy.sample.rows"));
        Label rowsUnit = new Label(Messages.get("deploy.sample.rows"));
        HBox sampleRow = new HBox(10, withSample, rows, rowsUnit);
        sampleRow.setAlignment(Pos.CENTER_LEFT);
        Label total = Labels.wrapped("deploy-sample-total");
        total.getStyleClass().add(Styles.TEXT_MUTED);
        total.textProperty().bind(model.sampleTotalProperty());
        Label sampleError = Labels.wrapped("deploy-sample-error");
        sampleError.getStyleClass().add(Styles.DANGER);
        sampleError.textProperty().bind(model.sampleErrorProperty());
        sampleError.visibleProperty().bind(model.sampleErrorProperty().isNotEmpty());
        sampleError.managedProperty().bind(sampleError.visibleProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("deploy-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label script = Labels.wrapped("deploy-script");
        script.getStyleClass().add(Styles.TEXT_BOLD);
        script.textProperty().bind(model.scriptProperty());
        Label statement = Labels.wrapped("deploy-statement");
        statement.getStyleClass().add("cli-line");
        statement.textProperty().bind(model.statementProperty());
        Label elapsed = Labels.wrapped("deploy-elapsed");
        elapsed.getStyleClass().add(Styles.TEXT_MUTED);
        elapsed.textProperty().bind(model.elapsedProperty());
        Button cancel = new Button(Messages.get("deploy.cancel"), new FontIcon("mdi2s-stop-circle-outline"));
        cancel.setId("deploy-cancel");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.disableProperty().bind(model.cancellingProperty());
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox.setHgrow(elapsed, Priority.ALWAYS);
        HBox timeRow = new HBox(10, elapsed, cancel);
        timeRow.setAlignment(Pos.CENTER_LEFT);
        VBox running = new VBox(8, heading("deploy.progress"), bar, script, statement, timeRow);
        running.visibleProperty().bind(model.runningProperty().or(model.scriptProperty().isNotEmpty()));
        running.managedProperty().bind(running.visibleProperty());

        Label outcome = Labels.wrapped("deploy-outcome");
        outcome.setGraphic(new FontIcon("mdi2i-information-outline"));
        outcome.getStyleClass().add("call-to-action");
        outcome.textProperty().bind(model.outcomeProperty());
        outcome.visibleProperty().bind(model.outcomeProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());

        ListView<String> log = new ListView<>(model.logLines());
        log.setId("deploy-log");
        log.getStyleClass().addAll(Styles.DENSE, "cli-line");
        log.setCellFactory(list -> wrappingCell());
        log.setPrefHeight(200);
        log.setMinHeight(120);
        model.logLines().addListener((ListChangeListener<String>) c -> {
            if (!model.logLines().isEmpty()) {
                log.scrollTo(model.logLines().size() - 1);
            }
        });
        VBox logBox = new VBox(6, heading("deploy.log"), log);
        logBox.visibleProperty().bind(Bindings.isNotEmpty(model.logLines()));
        logBox.managedProperty().bind(logBox.visibleProperty());

        Timeline ticker = new Timeline(new KeyFrame(Duration.millis(200), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        model.runningProperty().addListener((o, was, now) -> {
            if (now) {
                ticker.play();
            } else {
                ticker.stop();
            }
        });

        VBox page = new VBox(10, title, intro, heading("deploy.what"), releaseRow, sampleRow, total, sampleError,
                running, outcome, logBox);
        page.getStyleClass().add("page");
        return page;
    }

    /** A log line that wraps instead of running off the page. */
    private static ListCell<String> wrappingCell() {
        ListCell<String> cell = new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        cell.setWrapText(true);
        cell.setPrefWidth(0); // the list's width, not the text's, decides where a line wraps
        return cell;
    }

    private static Label heading(String key) {
        Label heading = new Label(Messages.get(key));
        heading.getStyleClass().addAll(Styles.TITLE_4, "section");
        return heading;
    }
}
