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
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dbcreator.ui.app.Labels;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.RunParts;
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

        VBox production = RunParts.productionName("rollback", model.databaseProperty(), model.productionProperty(),
                model.typedNameProperty());
        HBox progressRow = RunParts.progressRow("rollback", "rollback.page.cancel", model.progressProperty(), model.runningProperty(),
                model.resultProperty().isNotNull(), model::cancel);
        Label progressText = RunParts.progressText("rollback", model.progressTextProperty());
        ListView<String> log = RunParts.log("rollback", model.lines());

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
