package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The run parts the Cleanup and Abort upgrade pages share: what shows when, and what the controls drive. */
@ExtendWith(ApplicationExtension.class)
class RunPartsTest {

    @Start
    void start(Stage stage) {
        // the FX toolkit runs; no window is needed
    }

    @Test
    void theTypedNameShouldShowOnlyForAProductionProfileAndReachTheModel() {
        SimpleBooleanProperty production = new SimpleBooleanProperty(false);
        SimpleStringProperty typed = new SimpleStringProperty("");
        VBox box = RunParts.productionName("cleanup", new SimpleObjectProperty<ConnectedDatabase>(), production, typed);
        assertThat(box.isVisible()).isFalse();
        assertThat(box.isManaged()).isFalse();
        production.set(true);
        assertThat(box.isVisible()).isTrue();
        TextField name = (TextField) box.getChildren().get(1);
        assertThat(name.getId()).isEqualTo("cleanup-production-name");
        name.setText("cloud");
        assertThat(typed.get()).isEqualTo("cloud");
    }

    @Test
    void theProgressRowShouldShowWhileRunningAndAfterAResultWithCancelOnlyWhileRunning() {
        SimpleDoubleProperty progress = new SimpleDoubleProperty(0.25);
        SimpleBooleanProperty running = new SimpleBooleanProperty(false);
        SimpleBooleanProperty hasResult = new SimpleBooleanProperty(false);
        AtomicInteger cancels = new AtomicInteger();
        HBox row = RunParts.progressRow("rollback", "rollback.page.cancel", progress, running, hasResult,
                cancels::incrementAndGet);
        ProgressBar bar = (ProgressBar) row.getChildren().get(0);
        Button cancel = (Button) row.getChildren().get(1);
        assertThat(bar.getId()).isEqualTo("rollback-progress");
        assertThat(cancel.getId()).isEqualTo("rollback-cancel");
        assertThat(bar.getProgress()).isEqualTo(0.25);
        assertThat(row.isVisible()).isFalse();

        running.set(true);
        assertThat(row.isVisible()).isTrue();
        assertThat(cancel.isVisible()).isTrue();
        cancel.fire();
        assertThat(cancels.get()).isEqualTo(1);

        running.set(false);
        assertThat(row.isVisible()).isFalse();
        hasResult.set(true);
        assertThat(row.isVisible()).as("the finished bar stays").isTrue();
        assertThat(cancel.isVisible()).isFalse();
    }

    @Test
    void theProgressTextAndTheLogShouldShowOnlyWithSomethingInThem() {
        SimpleStringProperty text = new SimpleStringProperty("");
        Label label = RunParts.progressText("cleanup", text);
        assertThat(label.isVisible()).isFalse();
        text.set("3 of 12 statements");
        assertThat(label.isVisible()).isTrue();
        assertThat(label.getText()).isEqualTo("3 of 12 statements");

        ObservableList<String> lines = FXCollections.observableArrayList();
        ListView<String> log = RunParts.log("cleanup", lines);
        assertThat(log.getId()).isEqualTo("cleanup-log");
        assertThat(log.isVisible()).isFalse();
        lines.add("20:41:07  cleanup started");
        assertThat(log.isVisible()).isTrue();
    }
}
