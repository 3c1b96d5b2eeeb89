package org.dbcreator.ui.cleanup;

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

/** The Cleanup page: layout and bindings of the {@link CleanupViewModel}. */
public final class CleanupView {

    private final CleanupViewModel model;

    public CleanupView(CleanupViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_2);
        title.textProperty().bind(model.titleProperty());
        Label sentence = Labels.wrapped("cleanup-sentence");
        sentence.textProperty().bind(model.sentenceProperty());

        Label irreversible = Labels.wrapped("cleanup-irreversible");
        irreversible.textProperty().bind(model.irreversibleProperty());
        HBox.setHgrow(irreversible, Priority.ALWAYS);
        HBox warning = new HBox(10, new FontIcon("mdi2a-alert-octagon"), irreversible);
        warning.getStyleClass().add("irreversible");
        warning.setAlignment(Pos.CENTER_LEFT);
        warning.visibleProperty().bind(model.irreversibleProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        VBox changes = new VBox(4);
        changes.setId("cleanup-changes");
        Runnable drawChanges = () -> changes.getChildren().setAll(model.changes().stream()
                .map(line -> bullet(line, "mdi2c-chevron-right", false)).toList());
        model.changes().addListener((ListChangeListener<String>) c -> drawChanges.run());
        drawChanges.run();
        Label changesHeading = heading("cleanup.changes");
        changesHeading.visibleProperty().bind(Bindings.isNotEmpty(model.changes()));
        changesHeading.managedProperty().bind(changesHeading.visibleProperty());

        VBox refusals = new VBox(4);
        refusals.setId("cleanup-refusals");
        Runnable drawRefusals = () -> refusals.getChildren().setAll(model.refusals().stream()
                .map(line -> bullet(line, "mdi2c-close-circle", true)).toList());
        model.refusals().addListener((ListChangeListener<String>) c -> drawRefusals.run());
        drawRefusals.run();

        Label productionText = Labels.wrapped("cleanup-production-text");
        productionText.textProperty().bind(Bindings.createStringBinding(() -> model.databaseProperty().get() == null ? ""
                : Messages.get("cleanup.production", model.databaseProperty().get().database()), model.databaseProperty()));
        TextField typed = new TextField();
        typed.setId("cleanup-production-name");
        typed.setPromptText(Messages.get("cleanup.production.prompt"));
        typed.setPrefColumnCount(20);
        typed.setMaxWidth(Region.USE_PREF_SIZE);
        typed.textProperty().bindBidirectional(model.typedNameProperty());
        VBox production = new VBox(6, productionText, typed);
        production.getStyleClass().add("call-to-action");
        production.visibleProperty().bind(model.productionProperty());
        production.managedProperty().bind(production.visibleProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("cleanup-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button(Messages.get("cleanup.cancel"));
        cancel.setId("cleanup-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.runningProperty());
        HBox progressRow = new HBox(10, bar, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(model.runningProperty().or(model.resultProperty().isNotNull()));
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        Label progressText = Labels.wrapped("cleanup-progress-text");
        progressText.textProperty().bind(model.progressTextProperty());
        progressText.visibleProperty().bind(model.progressTextProperty().isNotEmpty());
        progressText.managedProperty().bind(progressText.visibleProperty());

        ListView<String> log = new ListView<>(model.lines());
        log.setId("cleanup-log");
        log.getStyleClass().addAll("log-lines", Styles.DENSE);
        log.setPrefHeight(180);
        log.visibleProperty().bind(Bindings.isNotEmpty(model.lines()));
        log.managedProperty().bind(log.visibleProperty());
        model.lines().addListener((ListChangeListener<String>) c -> log.scrollTo(model.lines().size() - 1));

        VBox page = new VBox(10, title, sentence, warning, changesHeading, changes, refusals, production,
                progressRow, progressText, log);
        page.getStyleClass().add("page");
        return page;
    }

    private static Node bullet(String text, String icon, boolean danger) {
        FontIcon mark = new FontIcon(icon);
        if (danger) {
            mark.getStyleClass().add("check-red");
        }
        Label line = new Label(text);
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(line, Priority.ALWAYS);
        HBox row = new HBox(6, mark, line);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private static Label heading(String key) {
        Label heading = new Label(Messages.get(key));
        heading.getStyleClass().addAll(Styles.TITLE_4, "section");
        return heading;
    }
}
