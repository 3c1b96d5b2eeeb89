package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.launch.WizardRequest;
import org.dbcreator.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The deploy journey against a real server, headless: Welcome's Deploy card, Connect to an empty
 * database, Status (whose primary is "Next: Deploy"), the Deploy page with sample rows and its
 * progress, then Done with the release the server holds. With {@code -Ddbcreator.screenshots=DIR}
 * (the gui profile) it writes the Deploy page, a running deploy and Done, light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class WizardDeployIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final int SAMPLE_ROWS = 50_000;

    @TempDir
    static Path home;

    private final TestDatabase db = TestDatabase.unique();
    private WizardFixture wizard;

    @Start
    void start(Stage stage) {
        wizard = WizardFixture.show(stage, home, new WizardRequest(false, Optional.empty(), Map.of()));
    }

    @AfterEach
    void stop() throws Exception {
        wizard.close();
        db.close();
    }

    @Test
    void deployJourneyShouldEndOnDoneWithTheReleaseTheServerHolds(FxRobot robot) throws Exception {
        db.create(); // empty
        robot.clickOn("#welcome-deploy");
        assertThat(wizard.model().journeyProperty().get()).isEqualTo(Journey.DEPLOY);
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
        robot.interact(() -> { });
        assertThat(db.number("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + db.name() + "'"))
                .isZero();
        assertThat(robot.lookup("#status-sentence").queryAs(Label.class).getText())
                .isEqualTo("The database " + db.name() + " is empty: a deploy fills it at " + CATALOG.latestVersion() + ".");
        assertThat(robot.lookup("#status-deploy").query().isVisible()).isTrue();
        assertThat(robot.lookup("#primary").queryButton().getText()).isEqualTo("Next: Deploy");
        assertThat(wizard.model().steps()).extracting(StepMark::mark).containsExactly(StepMark.Mark.DONE,
                StepMark.Mark.CURRENT, StepMark.Mark.NEXT, StepMark.Mark.LOCKED); // Status shown, the deploy next

        robot.clickOn("#primary");
        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.DEPLOY);
        @SuppressWarnings("unchecked")
        ComboBox<org.dbcreator.catalog.Version> release = robot.lookup("#deploy-release").queryAs(ComboBox.class);
        assertThat(release.getValue()).isEqualTo(CATALOG.latestVersion());
        robot.interact(() -> {
            robot.lookup("#deploy-sample").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#deploy-sample-rows").queryAs(TextField.class).setText(String.valueOf(SAMPLE_ROWS));
        });
        assertThat(robot.lookup("#deploy-sample-total").queryAs(Label.class).getText())
                .startsWith("The sample writes ").endsWith(" rows over all tables.");
        assertThat(robot.lookup("#cli-line").queryAs(Label.class).getText())
                .startsWith("dbcreator deploy --host ").endsWith("--target " + CATALOG.latestVersion()
                        + " --sample-rows " + SAMPLE_ROWS);
        screenshot("deploy-light");
        robot.clickOn("#theme-toggle");
        screenshot("deploy-dark");
        robot.clickOn("#theme-toggle");

        robot.clickOn("#primary");
        WizardFixture.await(60, () -> wizard.model().deploy().statementProperty().get().startsWith("Batch"));
        assertThat(robot.lookup("#back").queryButton().isDisabled()).isTrue(); // no leaving a running deploy
        assertThat(wizard.model().deploy().logLines()).as("sentences, not the events' record text")
                .isNotEmpty().noneMatch(line -> line.matches(".*\\w\\[\\w+=.*"))
                .anyMatch(line -> line.startsWith("The deploy of " + db.name() + " applies "));
        robot.interact(() -> {
            robot.lookup(".page-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1.0);
            robot.lookup("#deploy-log").queryAs(javafx.scene.control.ListView.class).scrollTo(0); // the run's plan, in words
        });
        screenshot("deploy-running-light");
        robot.clickOn("#theme-toggle");
        screenshot("deploy-running-dark");

        WizardFixture.await(240, () -> wizard.model().pageProperty().get() == Page.DONE
                && wizard.model().done().summaryProperty().get() != null);
        robot.interact(() -> { });
        String schemaVersion = db.rows("SELECT schema_version FROM dbcreator_state WHERE id = 1").get(0);
        assertThat(db.rows("SELECT phase FROM dbcreator_state WHERE id = 1")).containsExactly("CLEAN");
        assertThat(robot.lookup("#done-release").queryAs(Label.class).getText()).isEqualTo(schemaVersion);
        assertThat(schemaVersion).isEqualTo(CATALOG.latestVersion().toString());
        assertThat(db.number("SELECT COUNT(*) FROM event")).isEqualTo(SAMPLE_ROWS);
        long scripts = db.number("SELECT COUNT(*) FROM dbcreator_history WHERE operation = 'DEPLOY'");
        assertThat(robot.lookup("#done-phases").query().lookupAll(".label")).extracting(n -> ((Label) n).getText())
                .anyMatch(t -> t.startsWith("deploy 4.0.0 \u2192 " + schemaVersion + ": " + scripts + " scripts in "));
        assertThat(wizard.model().steps()).extracting(StepMark::mark).containsExactly(StepMark.Mark.DONE,
                StepMark.Mark.DONE, StepMark.Mark.DONE, StepMark.Mark.CURRENT); // every step done, Done shown
        screenshot("done-dark");
        robot.clickOn("#theme-toggle");
        screenshot("done-light");

        robot.clickOn("#done-report");
        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.REPORT);
        robot.clickOn("#back"); // the Status page read again: it shows the database as deployed
        WizardFixture.await(30, () -> wizard.model().pageProperty().get() == Page.STATUS
                && !wizard.model().status().busyProperty().get());
        assertThat(robot.lookup("#status-sentence").queryAs(Label.class).getText())
                .isEqualTo("The schema is at " + schemaVersion + ", the newest release this catalog knows: nothing to do.");
        assertThat(robot.lookup("#status-deploy").query().isVisible()).isFalse(); // deployed: no longer offered
        assertThat(robot.lookup("#primary").queryButton().getText()).isEqualTo("Refresh");
    }

    private void screenshot(String name) {
        wizard.screenshotIfAsked(name);
    }
}
