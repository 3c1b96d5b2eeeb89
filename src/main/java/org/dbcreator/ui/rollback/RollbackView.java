package org.dbcreator.ui.rollback;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dbcreator.ui.app.Labels;
import org.dbcreator.ui.app.Messages;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Abort upgrade page: layout and bindings of the {@link RollbackViewModel}. */
public final class RollbackView {

    private final RollbackViewModel model;

    public RollbackView(RollbackViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_2);
        title.textProperty().bind(model.titleProperty());
        Label sentence = Labels.wrapped("rollback-sentence");
        sentence.textProperty().bind(model.sentenceProperty());

        Label refusal = Labels.wrapped("rollback-refusal");
        refusal.textProperty().bind(model.refusalProperty());
        HBox.setHgrow(refusal, Priority.ALWAYS);
        FontIcon stop = new FontIcon("mdi2c-close-circle");
        stop.getStyleClass().add("check-red");
        HBox refused = new HBox(10, stop, refusal);
        refused.setAlignment(Pos.CENTER_LEFT);
        refused.visibleProperty().bind(model.refusalProperty().isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());

        VBox changes = new VBox(4);
        changes.setId("rollback-changes");
        Runnable drawChanges = () -> changes.getChildren().setAll(model.changes().stream()
                .map(RollbackView::bullet).toList());
        model.changes().addListener((ListChangeListener<String>) c -> drawChanges.run());
        drawChanges.run();
        Label changesHeading = new Label(Messages.get("rollback.page.changes"));
        changesHeading.getStyleClass().addAll(Styles.TITLE_4, "section");
        changesHeading.visibleProperty().bind(Bindings.isNotEmpty(model.changes()));
        changesHeading.managedProperty().bind(changesHeading.visibleProperty());

        Label lossText = Labels.wrapped("rollback-data-lost-text");
        lossText.setText(Messages.get("rollback.page.dataLost"));
        VBox lostLines = new VBox(4);
        lostLines.setId("rollback-data-lost");
        Runnable drawLost = () -> lostLines.getChildren().setAll(model.dataLost().stream().map(RollbackView::bullet).toList());
        model.dataLost().addListener((ListChangeListener<String>) c -> drawLost.run());
        drawLost.run();
        javafx.scene.control.CheckBox accept = new javafx.scene.control.CheckBox(Messages.get("rollback.page.acceptLoss"));
        accept.setId("rollback-accept-loss");
        accept.setWrapText(true);
        accept.selectedProperty().bindBidirectional(model.lossAcceptedProperty());
        accept.disableProperty().bind(model.runningProperty());
        Label acceptedNote = Labels.wrapped("rollback-loss-accepted");
        acceptedNote.textProperty().bind(model.lossAcceptedNoteProperty());
        acceptedNote.visibleProperty().bind(Bindings.isNotEmpty(model.lossAcceptedNoteProperty()));
        acceptedNote.managedProperty().bind(acceptedNote.visibleProperty());
        VBox loss = new VBox(6, lossText, lostLines, accept, acceptedNote);
        loss.getStyleClass().add("call-to-action");
        loss.visibleProperty().bind(Bindings.isNotEmpty(model.dataLost()));
        loss.managedProperty().bind(loss.visibleProperty());

        Label excludeText = Labels.wrapped("rollback-exclude-text");
        excludeText.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("rollback.page.exclude",
                String.join(", ", model.excludable())), model.excludable()));
        TextField excludeName = new TextField();
        excludeName.setId("rollback-exclude-name");
        excludeName.setPromptText(Messages.get("rollback.page.exclude.prompt"));
        excludeName.setPrefColumnCount(20);
        excludeName.textProperty().bindBidirectional(model.excludeTypedProperty());
        Button excludeButton = new Button(Messages.get("rollback.page.exclude.button"), new FontIcon("mdi2a-account-remove-outline"));
        excludeButton.setId("rollback-exclude");
        excludeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.excludable()
                .contains(model.excludeTypedProperty().get().strip()) || model.busyProperty().get(),
                model.excludable(), model.excludeTypedProperty(), model.busyProperty()));
        excludeButton.setOnAction(e -> model.exclude());
        excludeName.setOnAction(e -> excludeButton.fire());
        HBox excludeRow = new HBox(8, excludeName, excludeButton);
        excludeRow.setAlignment(Pos.CENTER_LEFT);
        VBox exclusion = new VBox(6, excludeText, excludeRow);
        exclusion.getStyleClass().add("call-to-action");
        exclusion.visibleProperty().bind(Bindings.isNotEmpty(model.excludable()));
        exclusion.managedProperty().bind(exclusion.visibleProperty());

        Label productionText = Labels.wrapped("rollback-production-text");
        productionText.textProperty().bind(Bindings.createStringBinding(() -> model.databaseProperty().get() == null ? ""
                : Messages.get("cleanup.production", model.databaseProperty().get().database()), model.databaseProperty()));
        TextField typed = new TextField();
        typed.setId("rollback-production-name");
        typed.setPromptText(Messages.get("cleanup.production.prompt"));
        typed.setPrefColumnCount(20);
        typed.setMaxWidth(Region.USE_PREF_SIZE);
        typed.textProperty().bindBidirectional(model.typedNameProperty());
        VBox production = new VBox(6, productionText, typed);
        production.getStyleClass().add("call-to-action");
        production.visibleProperty().bind(model.productionProperty());
        production.managedProperty().bind(production.visibleProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("rollback-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button(Messages.get("rollback.page.cancel"));
        cancel.setId("rollback-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.runningProperty());
        HBox progressRow = new HBox(10, bar, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(model.runningProperty().or(model.resultProperty().isNotNull()));
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        Label progressText = Labels.wrapped("rollback-progress-text");
        progressText.textProperty().bind(model.progressTextProperty());
        progressText.visibleProperty().bind(model.progressTextProperty().isNotEmpty());
        progressText.managedProperty().bind(progressText.visibleProperty());

        ListView<String> log = new ListView<>(model.lines());
        log.setId("rollback-log");
        log.getStyleClass().addAll("log-lines", Styles.DENSE);
        log.setPrefHeight(180);
        log.visibleProperty().bind(Bindings.isNotEmpty(model.lines()));
        log.managedProperty().bind(log.visibleProperty());
        model.lines().addListener((ListChangeListener<String>) c -> log.scrollTo(model.lines().size() - 1));

        VBox page = new VBox(10, title, sentence, refused, exclusion, changesHeading, changes, loss, production, progressRow,
                progressText, log);
        page.getStyleClass().add("page");
        return page;
    }

    private static Node bullet(String text) {
        Label line = new Label(text);
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(line, Priority.ALWAYS);
        HBox row = new HBox(6, new FontIcon("mdi2u-undo"), line);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }
}
