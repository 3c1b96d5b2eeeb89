package org.dbcreator.ui.app;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dbcreator.ui.service.ConnectedDatabase;

/**
 * The parts of a page that runs an irreversible operation (Cleanup, Abort upgrade): the typed
 * name a production database asks for, the progress bar with its Cancel, the progress sentence
 * and the run's lines. Each control's id is the page's prefix and the part's name, e.g.
 * {@code cleanup-progress}.
 */
public final class RunParts {

    private RunParts() {}

    /** Shown for a production profile: the database's name must be typed before the run. */
    public static VBox productionName(String prefix, ObjectProperty<ConnectedDatabase> database, BooleanProperty production,
            StringProperty typedName) {
        Label text = Labels.wrapped(prefix + "-production-text");
        text.textProperty().bind(Bindings.createStringBinding(() -> database.get() == null ? ""
                : Messages.get("cleanup.production", database.get().database()), database));
        TextField typed = new TextField();
        typed.setId(prefix + "-production-name");
        typed.setPromptText(Messages.get("cleanup.production.prompt"));
        typed.setPrefColumnCount(20);
        typed.setMaxWidth(Region.USE_PREF_SIZE);
        typed.textProperty().bindBidirectional(typedName);
        VBox box = new VBox(6, text, typed);
        box.getStyleClass().add("call-to-action");
        box.visibleProperty().bind(production);
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The bar and its Cancel (while running), shown while the run goes and once it has a result. */
    public static HBox progressRow(String prefix, String cancelKey, ObservableDoubleValue progress,
            ObservableBooleanValue running, ObservableBooleanValue hasResult, Runnable cancel) {
        ProgressBar bar = new ProgressBar();
        bar.setId(prefix + "-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(progress);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button stop = new Button(Messages.get(cancelKey));
        stop.setId(prefix + "-cancel");
        stop.setOnAction(e -> cancel.run());
        stop.visibleProperty().bind(running);
        HBox row = new HBox(10, bar, stop);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(Bindings.createBooleanBinding(() -> running.get() || hasResult.get(), running, hasResult));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    public static Label progressText(String prefix, ObservableStringValue text) {
        Label label = Labels.wrapped(prefix + "-progress-text");
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isEmpty(), text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** The run's lines, following the newest. */
    public static ListView<String> log(String prefix, ObservableList<String> lines) {
        ListView<String> log = new ListView<>(lines);
        log.setId(prefix + "-log");
        log.getStyleClass().addAll("log-lines", Styles.DENSE);
        log.setPrefHeight(180);
        log.visibleProperty().bind(Bindings.isNotEmpty(lines));
        log.managedProperty().bind(log.visibleProperty());
        lines.addListener((ListChangeListener<String>) c -> log.scrollTo(lines.size() - 1));
        return log;
    }
}
