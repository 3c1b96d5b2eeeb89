package org.dbcreator.ui.app;

import java.time.Duration;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The question closing the window asks while a run is under way (the view side of {@link CloseGuard}):
 * "Stop and close" stops the run between two statements and closes once it has stopped (at most
 * {@link #WAIT} later); "Keep running" leaves the window open and the run going.
 */
final class CloseDialog {

    /** How long the window waits for the run to stop before it closes anyway. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final Stage stage;
    private final CloseGuard guard;
    private final ShellViewModel model;

    private CloseDialog(Stage stage, CloseGuard guard, ShellViewModel model) {
        this.stage = stage;
        this.guard = guard;
        this.model = model;
    }

    /** Makes the close request of {@code stage} ask first while a run of {@code model} is under way. */
    static void install(Stage stage, CloseGuard guard, ShellViewModel model) {
        CloseDialog dialog = new CloseDialog(stage, guard, model);
        stage.setOnCloseRequest(dialog::onCloseRequest);
    }

    private void onCloseRequest(WindowEvent request) {
        if (guard.stopping()) {
            request.consume(); // already stopping: the window closes when the run has stopped
            return;
        }
        Optional<String> question = guard.question();
        if (question.isEmpty()) {
            return; // nothing runs: the window closes
        }
        request.consume();
        ButtonType stop = new ButtonType(Messages.get("close.stop"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(Messages.get("close.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question.get(), stop, keep);
        alert.initOwner(stage);
        alert.setTitle(Messages.get("close.title"));
        alert.setHeaderText(null);
        alert.getDialogPane().getStylesheets().add(Theme.STYLESHEET);
        alert.getDialogPane().setId("close-dialog");
        Button stopButton = (Button) alert.getDialogPane().lookupButton(stop);
        Button keepButton = (Button) alert.getDialogPane().lookupButton(keep);
        stopButton.setId("close-stop");
        keepButton.setId("close-keep");
        stopButton.setDefaultButton(false);
        keepButton.setDefaultButton(true); // Enter keeps the run going; stopping it is a click
        alert.setOnHidden(e -> {
            if (alert.getResult() == stop) {
                stopThenClose();
            }
        });
        alert.show();
    }

    private void stopThenClose() {
        model.log(Messages.get("close.stopping"));
        PauseTransition bound = new PauseTransition(javafx.util.Duration.millis(WAIT.toMillis()));
        bound.setOnFinished(e -> guard.timedOut());
        guard.stopThenClose(() -> {
            bound.stop();
            // after the listeners still to hear of the stop (e.g. the sidebar's status read) have run
            FxExecutor.later(stage::hide);
        });
        if (guard.stopping()) {
            bound.play();
        }
    }
}
