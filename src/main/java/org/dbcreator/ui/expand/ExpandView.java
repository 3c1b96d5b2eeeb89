package org.dbcreator.ui.expand;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.ui.app.Labels;
import org.dbcreator.ui.app.Messages;
import org.dbcreator.ui.app.PageParts;
import org.dbcreator.ui.app.ProgressText;
import org.dbcreator.ui.service.ExpandPace;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Expand page: layout and bindings of the {@link ExpandViewModel}; a one-second clock redraws elapsed times. */
public final class ExpandView {

    private final ExpandViewModel model;

    public ExpandView(ExpandViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Label title = PageParts.title("page.expand.title");
        Label sentence = Labels.wrapped("expand-sentence");
        sentence.setText(Messages.get("page.expand.sentence"));

        ToggleGroup paces = new ToggleGroup();
        HBox paceButtons = new HBox();
        for (ExpandPace p : ExpandPace.values()) {
            ToggleButton b = new ToggleButton(Messages.get("expand.pace." + p.name()));
            b.setId("expand-pace-" + p.name().toLowerCase(java.util.Locale.ROOT));
            b.setUserData(p);
            b.setToggleGroup(paces);
            b.setSelected(model.paceProperty().get() == p);
            b.getStyleClass().add(p == ExpandPace.FAST ? Styles.LEFT_PILL : p == ExpandPace.GENTLE ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            paceButtons.getChildren().add(b);
        }
        paces.selectedToggleProperty().addListener((o, before, now) -> {
            if (now == null) {
                before.setSelected(true); // one pace is always chosen
            } else {
                model.paceProperty().set((ExpandPace) now.getUserData());
            }
        });
        paceButtons.disableProperty().bind(Bindings.createBooleanBinding(model::isRunning, model.stateProperty()));
        Label paceHelp = new Label(Messages.get("expand.pace.help"));
        paceHelp.getStyleClass().add(Styles.TEXT_MUTED);
        paceHelp.setWrapText(true);
        Label paceLabel = new Label(Messages.get("expand.pace"));
        paceLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox paceLine = new HBox(10, paceLabel, paceButtons);
        paceLine.setAlignment(Pos.CENTER_LEFT);
        VBox pace = new VBox(4, paceLine, paceHelp);

        ProgressBar overall = new ProgressBar();
        overall.setId("expand-overall");
        overall.setMaxWidth(Double.MAX_VALUE);
        overall.progressProperty().bind(model.overallProperty());
        Label overallText = new Label();
        overallText.setId("expand-overall-text");
        overallText.textProperty().bind(model.overallTextProperty());
        // One line, cut with an ellipsis: a wrapped statement that grows and shrinks with each
        // statement relaid the whole page out several times a second while the nodes waited.
        Label running = new Label();
        running.setId("expand-running");
        running.textProperty().bind(model.runningProperty());
        running.getStyleClass().add("cli-line");
        running.setMaxWidth(Double.MAX_VALUE);
        keepPlaceWhileRunning(running, model.runningProperty().isNotEmpty());
        ProgressBar backfill = new ProgressBar();
        backfill.setId("expand-backfill");
        backfill.setMaxWidth(Double.MAX_VALUE);
        backfill.progressProperty().bind(Bindings.createDoubleBinding(() -> model.backfillProperty().get() < 0
                ? ProgressBar.INDETERMINATE_PROGRESS : model.backfillProperty().get(), model.backfillProperty()));
        Label backfillText = new Label();
        backfillText.setId("expand-backfill-text");
        backfillText.textProperty().bind(model.backfillTextProperty());
        VBox backfillBox = new VBox(4, backfill, backfillText);
        keepPlaceWhileRunning(backfillBox, model.backfillTextProperty().isNotEmpty());
        Button cancel = new Button(Messages.get("expand.cancel"), new FontIcon("mdi2s-stop-circle-outline"));
        cancel.setId("expand-cancel");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.stateProperty().isEqualTo(ExpandViewModel.State.RUNNING));
        cancel.managedProperty().bind(cancel.visibleProperty());
        Label outcome = Labels.wrapped("expand-outcome");
        outcome.textProperty().bind(model.outcomeProperty());
        HBox outcomeLine = new HBox(8, new FontIcon("mdi2i-information-outline"), outcome);
        outcomeLine.getStyleClass().add("call-to-action");
        outcomeLine.setAlignment(Pos.CENTER_LEFT);
        outcomeLine.visibleProperty().bind(model.outcomeProperty().isNotEmpty());
        outcomeLine.managedProperty().bind(outcomeLine.visibleProperty());

        Label lockWait = Labels.wrapped("expand-lock-wait");
        lockWait.textProperty().bind(model.lockWaitProperty());
        lockWait.getStyleClass().add(Styles.WARNING);
        TableView<ProgressEvent.Blocker> blockers = PageParts.table("expand-blockers", model.blockers(), 110,
                "expand.blockers");
        blockers.getColumns().setAll(
                PageParts.column("expand.col.session", b -> String.valueOf(b.sessionId()), 80),
                PageParts.column("expand.col.user", ProgressEvent.Blocker::user, 110),
                PageParts.column("expand.col.host", ProgressEvent.Blocker::host, 130),
                PageParts.column("expand.col.open", b -> ProgressText.elapsed(b.transactionOpen()), 80),
                PageParts.column("expand.col.running", b -> b.running().orElse(Messages.get("expand.col.idle")), 260));
        VBox blocked = new VBox(6, lockWait, blockers);
        blocked.visibleProperty().bind(model.lockWaitProperty().isNotEmpty());
        blocked.managedProperty().bind(blocked.visibleProperty());

        ListView<ExpandRow> steps = new ListView<>(model.rows());
        steps.setId("expand-steps");
        steps.setPrefHeight(230);
        steps.getStyleClass().add(Styles.DENSE);
        steps.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ExpandRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean filled = !empty && row != null;
                setText(filled ? (row.isHeader() ? "" : "      ") + row.mark().symbol() + "  " + row.text() : null);
                styleClass("expand-header", filled && row.isHeader());
                styleClass(Styles.TEXT_MUTED, filled && !row.isHeader()
                        && (row.mark() == ExpandRow.Mark.DONE || row.mark() == ExpandRow.Mark.SKIPPED));
            }

            /** Changes the class only when it changes: each change restyles the cell. */
            private void styleClass(String name, boolean wanted) {
                if (wanted && !getStyleClass().contains(name)) {
                    getStyleClass().add(name);
                } else if (!wanted) {
                    getStyleClass().remove(name);
                }
            }
        });
        model.rows().addListener((ListChangeListener<ExpandRow>) c -> {
            for (int i = 0; i < model.rows().size(); i++) {
                ExpandRow.Mark m = model.rows().get(i).mark();
                if (m == ExpandRow.Mark.RUNNING || m == ExpandRow.Mark.WAITING) {
                    steps.scrollTo(Math.max(0, i - 3));
                    return;
                }
            }
        });

        ListView<String> log = new ListView<>(model.log());
        log.setId("expand-log");
        log.setPrefHeight(150);
        log.getStyleClass().addAll(Styles.DENSE, "cli-line");
        model.log().addListener((ListChangeListener<String>) c -> log.scrollTo(model.log().size() - 1));

        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick(Instant.now())));
        clock.setCycleCount(Animation.INDEFINITE);
        model.stateProperty().addListener((o, before, now) -> {
            if (model.isRunning()) {
                clock.play();
            } else {
                clock.stop();
            }
        });

        HBox progressLine = new HBox(12, overallText, cancel);
        progressLine.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.control.Button abort = new javafx.scene.control.Button(Messages.get("abort.button"),
                new org.kordamp.ikonli.javafx.FontIcon("mdi2u-undo"));
        abort.setId("expand-abort");
        abort.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        abort.disableProperty().bind(model.abortAllowed().not());
        abort.setOnAction(e -> model.abort());
        abort.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the reason wraps; the button's words stay whole
        Label abortText = org.dbcreator.ui.app.Labels.wrapped("expand-abort-text");
        abortText.textProperty().bind(model.abortTextProperty());
        javafx.scene.layout.HBox.setHgrow(abortText, javafx.scene.layout.Priority.ALWAYS);
        HBox abortRow = new HBox(10, abort, abortText);
        abortRow.setAlignment(Pos.CENTER_LEFT);
        abortRow.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.stateProperty().get()
                == ExpandViewModel.State.EXPANDED || model.stateProperty().get() == ExpandViewModel.State.STOPPED,
                model.stateProperty()));
        abortRow.managedProperty().bind(abortRow.visibleProperty());
        VBox page = new VBox(10, title, sentence, pace, overall, progressLine, running, backfillBox, outcomeLine,
                abortRow, blocked, PageParts.heading("expand.steps"), steps, PageParts.heading("expand.log"), log);
        page.getStyleClass().add("page");
        return page;
    }

    /**
     * Shows {@code node} while {@code shown}; while the expand runs it keeps its place even when
     * hidden, so that a script's start or end does not move (and redraw) everything below it.
     */
    private void keepPlaceWhileRunning(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(Bindings.createBooleanBinding(() -> shown.get() || model.isRunning(), shown,
                model.stateProperty()));
    }
}
