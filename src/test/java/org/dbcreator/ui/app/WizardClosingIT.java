package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.demo.BackfillEventSeverity;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.launch.WizardRequest;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.ui.expand.ExpandViewModel;
import org.dbcreator.ui.service.ConnectionRequest;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.ExpandPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Closing the window while an expand runs, headless against a real server: the close request asks
 * first; "Keep running" leaves the window and the expand going; "Stop and close" stops the expand
 * between two batches, closes the window once it stopped, and leaves the database EXPANDING with
 * its position journaled, which an engine run then resumes to EXPANDED.
 */
@ExtendWith(ApplicationExtension.class)
class WizardClosingIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final String BACKFILL = BackfillEventSeverity.class.getName();
    private static TestDatabase db;

    @TempDir
    static Path home;

    private WizardFixture wizard;
    private Stage stage;

    @BeforeAll
    static void deployOldRelease() {
        db = TestDatabase.unique();
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()), new SampleSize(60_000, SampleSize.DEFAULT_SEED));
        }
    }

    @AfterAll
    static void drop() throws Exception {
        db.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wizard = WizardFixture.show(stage, home, new WizardRequest(false, Optional.empty(), Map.of()));
    }

    @Test
    void closingDuringAnExpandShouldAskThenStopItResumablyAndClose(FxRobot robot) throws Exception {
        robot.clickOn("#welcome-upgrade");
        ConnectionSettings admin = db.admin();
        robot.interact(() -> {
            robot.lookup("#connect-host").queryAs(TextField.class).setText(admin.host());
            robot.lookup("#connect-port").queryAs(TextField.class).setText(String.valueOf(admin.port()));
            robot.lookup("#connect-database").queryAs(TextField.class).setText(admin.database());
            robot.lookup("#connect-user").queryAs(TextField.class).setText(admin.user());
            robot.lookup("#connect-password").queryAs(PasswordField.class).setText(admin.password().reveal());
        });
        robot.clickOn("#primary");
        WizardFixture.await(30, () -> wizard.model().status().statusProperty().get() != null);
        wizard.service().recordOwnBackup(db.name()); // the Backup page's own test takes a real one
        robot.interact(() -> wizard.model().showExpand());
        ExpandViewModel expand = wizard.model().expand();
        WizardFixture.await(30, () -> expand.stateProperty().get() == ExpandViewModel.State.READY);
        robot.clickOn("#expand-pace-gentle");
        robot.clickOn("#primary");
        WizardFixture.await(120, () -> !expand.backfillTextProperty().get().isEmpty()
                || expand.stateProperty().get() != ExpandViewModel.State.RUNNING);
        assertThat(WizardFixture.onFx(() -> expand.stateProperty().get())).as("still in the backfill")
                .isEqualTo(ExpandViewModel.State.RUNNING);

        // the close request asks; Keep running changes nothing
        requestClose(robot);
        DialogPane question = robot.lookup("#close-dialog").queryAs(DialogPane.class);
        assertThat(question.getContentText())
                .isEqualTo("An expand is running. Stop it between two statements and close? It can be resumed later.");
        snapshotIfAsked(question, "close-ask-light");
        robot.clickOn("#close-keep");
        WizardFixture.settle();
        assertThat(WizardFixture.onFx(stage::isShowing)).isTrue();
        assertThat(WizardFixture.onFx(() -> expand.stateProperty().get())).isEqualTo(ExpandViewModel.State.RUNNING);

        // asked again (in the dark theme), Stop and close: the expand stops between two batches, then the window closes
        robot.clickOn("#theme-toggle");
        requestClose(robot);
        snapshotIfAsked(robot.lookup("#close-dialog").queryAs(DialogPane.class), "close-ask-dark");
        robot.clickOn("#close-stop");
        WizardFixture.await(60, () -> !stage.isShowing());
        assertThat(WizardFixture.onFx(() -> expand.stateProperty().get())).isEqualTo(ExpandViewModel.State.STOPPED);
        assertThat(WizardFixture.onFx(() -> wizard.model().errorProperty().get())).as("a stop is no error").isNull();
        wizard.close(); // the engine thread finished: disconnected

        assertThat(db.rows("SELECT CONCAT(phase, ' ', target_version) FROM dbcreator_state"))
                .containsExactly("EXPANDING " + CATALOG.latestVersion());
        assertThat(db.number("SELECT COUNT(*) FROM event WHERE severity IS NULL")).as("stopped part-way").isPositive();
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_journal WHERE script = '" + BACKFILL
                + "' AND outcome = 'DONE'")).as("batches journaled").isPositive();
        assertThat(db.rows("SELECT outcome FROM dbcreator_journal WHERE outcome <> 'DONE'")).as("nothing cut mid-way")
                .isEmpty();
        try (EngineWizardService reopened = new EngineWizardService(Map.of("DBCREATOR_HOME", home.toString()),
                ProgressListener.NONE)) {
            reopened.connect(new ConnectionRequest(admin.host(), admin.port(), admin.database(), admin.user(),
                    admin.password(), admin.tlsMode(), admin.caFile(), Optional.empty()));
            Optional<ExpandPosition> position = reopened.expandPosition();
            assertThat(position).as("resumable").isPresent();
            assertThat(position.get().target()).isEqualTo(CATALOG.latestVersion());
        }
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.upgrade(Optional.empty(), false, BackupPolicy.skip());
        }
        assertThat(db.rows("SELECT CONCAT(phase, ' ', target_version) FROM dbcreator_state"))
                .containsExactly("EXPANDED " + CATALOG.latestVersion());
    }

    /** What the window manager sends when the admin clicks the window's close button. */
    private void requestClose(FxRobot robot) {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WizardFixture.await(10, () -> robot.lookup("#close-dialog").tryQuery().isPresent());
    }

    private static void snapshotIfAsked(DialogPane pane, String name) throws Exception {
        String folder = System.getProperty("dbcreator.screenshots", "");
        if (folder.isBlank()) {
            return;
        }
        WritableImage image = WizardFixture.onFx(() -> pane.getScene().snapshot(null));
        PixelReader pixels = image.getPixelReader();
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path file = Path.of(folder, name + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
    }
}
