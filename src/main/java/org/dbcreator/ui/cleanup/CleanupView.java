package org.dbcreator.ui.cleanup;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dbcreator.ui.app.Labels;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.RunParts;
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

        VBox production = RunParts.productionName("cleanup", model.databaseProperty(), model.productionProperty(),
                model.typedNameProperty());
        HBox progressRow = RunParts.progressRow("cleanup", "cleanup.cancel", model.progressProperty(), model.runningProperty(),
                model.resultProperty().isNotNull(), model::cancel);
        Label progressText = RunParts.progressText("cleanup", model.progressTextProperty());
        ListView<String> log = RunParts.log("cleanup", model.lines());

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
