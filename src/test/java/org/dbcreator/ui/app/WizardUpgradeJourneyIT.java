package org.dbcreator.ui.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.launch.WizardRequest;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole rolling upgrade, headless, as an admin walks it through the wizard with three demo
 * nodes at work: Status, its primary "Back up, then expand", a restore-tested backup, the expand,
 * Restart nodes with each node restarted from its card until the gate opens, the cleanup, Done and
 * its report. Runs against the server on 3306 with the bundled (demo) catalog, the nodes started
 * through {@link org.dbcreator.ui.service.EngineWizardService#startDemoNodes} as the demo starts
 * them; the embedded demo server is left to WizardDemoTest. Every state shown is checked against
 * the server; at the end the nodes saw no error and every write they saw acknowledged is there.
 * With {@code -Pgui} it writes the journey as numbered screenshots (journey-NN-page.png).
 */
@ExtendWith(ApplicationExtension.class)
class WizardUpgradeJourneyIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final Version OLD = CATALOG.baselineVersion();
    private static TestDatabase db;

    @TempDir
    static Path home;
    @TempDir
    static Path files;

    private WizardFixture wizard;

    @BeforeAll
    static void deployOldRelease() {
        db = TestDatabase.unique();
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(OLD), new SampleSize(20_000, SampleSize.DEFAULT_SEED));
        }
    }

    @AfterAll
    static void drop() throws Exception {
        db.close();
    }

    @Start
    void start(Stage stage) {
        wizard = WizardFixture.show(stage, home, new WizardRequest(false, Optional.empty(), Map.of()));
    }

    @AfterEach
    void closeTheWindow() throws InterruptedException {
        wizard.close();
    }

    @Test
    void theWholeJourneyShouldEndCleanWithTheNodesServingThroughout(FxRobot robot) throws Exception {
        connect(robot);
        wizard.service().startDemoNodes(3, OLD); // as the demo starts them once its engine is connected
        robot.interact(() -> wizard.model().showStatus());
        WizardFixture.await(30, () -> !wizard.model().status().busyProperty().get()
                && wizard.model().status().nodes().size() == 3);
        robot.interact(() -> { });
        new UpgradeJourney(wizard, db::rows, db.name(), files).walk(robot);
    }

    private void connect(FxRobot robot) {
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
    }
}
