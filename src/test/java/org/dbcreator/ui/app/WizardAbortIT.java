package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.BackupPolicy;
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
 * Abort upgrade from the Restart nodes page, headless, against a real server: the demo catalog's
 * oldest release with sample rows, expanded to its latest, two demo nodes of the old release and
 * one of them restarted on the new. Abort is disabled naming that node; restarted on the old
 * release from its card, Abort opens the rollback page, runs it, and lands on Status at the old
 * release, as the server says. With {@code -Pgui} it writes the rollback page, light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class WizardAbortIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final Version OLD = CATALOG.baselineVersion();
    private static final Version NEW = CATALOG.latestVersion();
    private static TestDatabase db;

    @TempDir
    static Path home;

    private WizardFixture wizard;

    @BeforeAll
    static void expanded() throws Exception {
        db = TestDatabase.unique();
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(OLD), new SampleSize(100, SampleSize.DEFAULT_SEED));
            engine.upgrade(Optional.empty(), false, BackupPolicy.skip());
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
        wizard.close(); // stops the demo nodes too
    }

    @Test
    void abortFromRestartNodesShouldWaitForTheNewReleaseNodeThenRollBackToTheOldRelease(FxRobot robot) throws Exception {
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
        wizard.service().startDemoNodes(2, OLD);
        wizard.service().restartDemoNode("demo-node-2"); // on the new release, as a rollout half done
        long accounts = db.number("SELECT COUNT(*) FROM account");

        robot.clickOn(robot.lookup("#sidebar").lookup("Restart nodes").queryLabeled());
        WizardFixture.await(30, () -> wizard.model().nodes().cards().size() == 2 && wizard.model().nodes().cards()
                .stream().anyMatch(c -> c.name().equals("demo-node-2") && c.release().equals(NEW.toString())));
        WizardFixture.await(30, () -> !wizard.model().nodes().abortLockProperty().get().startsWith("Abort upgrade: reading"));
        robot.interact(() -> { });
        assertThat(db.rows("SELECT name, version FROM mshost ORDER BY name")).containsExactly(
                "demo-node-1 | " + OLD, "demo-node-2 | " + NEW);
        assertThat(robot.lookup("#nodes-abort").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#nodes-abort-text").queryAs(Label.class).getText()).isEqualTo(
                "Abort upgrade is locked: restart demo-node-2 on " + OLD + " first (nodes of a newer release are live).");
        assertThat(robot.lookup("#node-restart-old-demo-node-2").queryButton().getText()).isEqualTo("Restart on " + OLD);

        robot.interact(() -> robot.lookup("#node-restart-old-demo-node-2").queryButton().fire());
        WizardFixture.await(30, () -> wizard.model().nodes().abortAllowed().get());
        robot.interact(() -> { });
        assertThat(db.rows("SELECT name, version, state FROM mshost ORDER BY name")).containsExactly(
                "demo-node-1 | " + OLD + " | Up", "demo-node-2 | " + OLD + " | Up");
        assertThat(robot.lookup("#nodes-abort").queryButton().isDisabled()).isFalse();
        // a node of the new release that crashed long ago: the way back stays shut until it is excluded by name
        db.execute("INSERT INTO mshost (name, version, state, last_update, created) VALUES ('ms-gone', '" + NEW
                + "', 'Up', NOW(3) - INTERVAL 600 SECOND, NOW())");

        robot.interact(() -> robot.lookup("#nodes-abort").queryButton().fire());
        WizardFixture.await(30, () -> wizard.model().rollback().planProperty().get() != null);
        robot.interact(() -> { });
        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.ROLLBACK);
        assertThat(wizard.model().rollback().refusalProperty().get()).contains("ms-gone");
        assertThat(robot.lookup("#rollback-exclude-text").queryAs(Label.class).getText()).contains("ms-gone");
        robot.interact(() -> robot.lookup("#rollback-exclude-name").queryAs(javafx.scene.control.TextField.class)
                .setText("ms-gone"));
        assertThat(robot.lookup("#rollback-exclude").queryButton().isDisabled()).isFalse();
        wizard.screenshotIfAsked("rollback-exclude-light");
        robot.clickOn("#theme-toggle");
        wizard.screenshotIfAsked("rollback-exclude-dark");
        robot.clickOn("#theme-toggle");
        robot.interact(() -> robot.lookup("#rollback-exclude").queryButton().fire());
        WizardFixture.await(30, () -> wizard.model().rollback().planProperty().get().excluded().contains("ms-gone"));
        robot.interact(() -> { });
        assertThat(wizard.model().errorProperty().get()).isNull();
        assertThat(wizard.model().rollback().refusalProperty().get()).isEmpty();
        assertThat(robot.lookup("#cli-line").queryAs(Label.class).getText()).endsWith(
                " --exclude-node ms-gone --confirm-exclusion");
        assertThat(robot.lookup("#rollback-exclude-text").queryAs(Label.class).getParent().isVisible())
                .as("no gone node left in the way").isFalse();
        assertThat(wizard.model().rollback().changes()).isNotEmpty();
        assertThat(robot.lookup("#primary").queryButton().getText()).isEqualTo("Abort upgrade");
        assertThat(wizard.model().rollback().dataLost()).anySatisfy(line -> assertThat(line).startsWith("column host.uuid ("));
        assertThat(robot.lookup("#primary").queryButton().isDisabled()).as("the loss is not accepted yet").isTrue();
        robot.interact(() -> robot.lookup("#rollback-accept-loss").queryAs(javafx.scene.control.CheckBox.class).fire());
        assertThat(robot.lookup("#primary").queryButton().isDisabled()).isFalse();
        assertThat(db.rows("SELECT phase, target_version FROM dbcreator_state")).containsExactly("EXPANDED | " + NEW);
        wizard.screenshotIfAsked("rollback-light");
        robot.clickOn("#theme-toggle");
        wizard.screenshotIfAsked("rollback-dark");
        robot.clickOn("#theme-toggle");
        javafx.scene.control.ScrollPane scroll = robot.lookup(".page-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(1.0));
        wizard.screenshotIfAsked("rollback-data-loss-light"); // the list of what only the new release wrote, accepted
        robot.interact(() -> scroll.setVvalue(0));

        robot.clickOn("#primary");
        WizardFixture.await(120, () -> wizard.model().rollback().resultProperty().get() != null
                && wizard.model().pageProperty().get() == Page.STATUS);
        WizardFixture.await(30, () -> wizard.model().status().statusProperty().get() != null
                && wizard.model().status().statusProperty().get().report().schemaVersion().equals(Optional.of(OLD)));
        robot.interact(() -> { });

        assertThat(wizard.model().errorProperty().get()).isNull();
        assertThat(db.rows("SELECT phase, schema_version, target_version, highest_release FROM dbcreator_state"))
                .containsExactly("CLEAN | " + OLD + " | " + OLD + " | " + OLD);
        assertThat(db.number("SELECT COUNT(*) FROM account")).isGreaterThanOrEqualTo(accounts);
        assertThat(db.rows("SELECT version, state FROM mshost WHERE name LIKE 'demo-node-%'"))
                .containsOnly(OLD + " | Up"); // the old nodes served throughout
        assertThat(db.rows("SELECT detail FROM dbcreator_audit WHERE action = 'EXCLUDE_NODE'")).singleElement()
                .asString().contains("'ms-gone' excluded from the rollback");
    }
}
