package org.dbcreator.ui.app;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The error banner: code, what went wrong, what to do, the database's state; it stays until dismissed. */
final class ErrorBanner {

    private final ShellViewModel model;

    ErrorBanner(ShellViewModel model) {
        this.model = model;
    }

    Parent root() {
        Label code = new Label();
        code.setId("error-code");
        code.getStyleClass().add(Styles.TEXT_BOLD);
        Label message = Labels.wrapped("error-message");
        Label advice = Labels.wrapped("error-advice");
        Label state = Labels.wrapped("error-state");
        state.getStyleClass().add(Styles.TEXT_MUTED);
        TextArea details = new TextArea();
        details.setId("error-details");
        details.setEditable(false);
        details.setPrefRowCount(8);
        ToggleButton showDetails = new ToggleButton(Messages.get("error.details"));
        showDetails.setId("error-details-toggle");
        showDetails.getStyleClass().add(Styles.SMALL);
        details.visibleProperty().bind(showDetails.selectedProperty());
        details.managedProperty().bind(details.visibleProperty());
        Button copy = new Button(Messages.get("bottom.copy"), new FontIcon("mdi2c-content-copy"));
        copy.getStyleClass().add(Styles.SMALL);
        copy.setOnAction(e -> WizardWindow.copy(model.errorProperty().get().asText()));
        Button dismiss = new Button(Messages.get("error.dismiss"));
        dismiss.setId("error-dismiss");
        dismiss.getStyleClass().add(Styles.SMALL);
        dismiss.setOnAction(e -> model.dismissError());
        model.errorProperty().addListener((o, before, shown) -> {
            showDetails.setSelected(false);
            if (shown != null) {
                code.setText(Messages.get("error.code", shown.code()));
                message.setText(shown.message());
                advice.setText(shown.advice());
                state.setText(shown.databaseState().map(s -> Messages.get("error.state", s)).orElse(""));
                details.setText(shown.details());
            }
        });
        state.visibleProperty().bind(state.textProperty().isNotEmpty());
        state.managedProperty().bind(state.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, new FontIcon("mdi2a-alert-circle"), code, spacer, showDetails, copy, dismiss);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox banner = new VBox(6, head, message, advice, state, details);
        banner.setId("error-banner");
        banner.getStyleClass().add("error-banner");
        banner.visibleProperty().bind(Bindings.isNotNull(model.errorProperty()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
