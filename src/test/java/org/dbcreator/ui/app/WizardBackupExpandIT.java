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
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.launch.WizardRequest;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.ui.backup.BackupViewModel;
import org.dbcreator.ui.expand.ExpandViewModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The upgrade journey from Status through Backup to Expand, headless against a real server: the
 * Status page's primary leads to Backup, a restore-tested backup leads to Expand, the expand ends
 * EXPANDED as the server says, and the sidebar marks Backup and Expand done. With
 * {@code -Ddbcreator.screenshots=DIR} (the gui profile) it writes both pages, light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class WizardBackupExpandIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static TestDatabase db;

    @TempDir
    static Path home;
    @TempDir
    static Path backups;

    private WizardFixture wizard;

    @BeforeAll
    static void deployOldRelease() {
        db = TestDatabase.unique();
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()), new SampleSize(20_000, SampleSize.DEFAULT_SEED));
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

    @Test
    void statusBackupExpandShouldEndExpandedAsTheServerSays(FxRobot robot) throws Exception {
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
        assertThat(WizardFixture.onFx(() -> wizard.model().primaryLabelProperty().get())).isEqualTo("Back up, then expand");

        robot.clickOn("#primary");
        assertThat(WizardFixture.onFx(() -> wizard.model().pageProperty().get())).isEqualTo(Page.BACKUP);
        BackupViewModel backup = wizard.model().backup();
        robot.interact(() -> backup.destinationProperty().set(backups.toString()));
        WizardFixture.await(10, () -> backup.freeSpaceProperty().get().endsWith("free there"));
        assertThat(robot.lookup("#backup-restore-test").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        // the page reads its history while LOADING, its primary disabled: a click then does nothing (seen on a busy machine)
        WizardFixture.await(60, () -> backup.stateProperty().get() == BackupViewModel.State.READY);
        robot.clickOn("#primary");
        WizardFixture.await(120, () -> backup.stateProperty().get() == BackupViewModel.State.DONE
                || wizard.model().errorProperty().get() != null);
        assertThat(wizard.model().errorProperty().get()).as("the banner").isNull();
        assertThat(db.rows("SELECT CONCAT(kind, ' ', verification) FROM dbcreator_backup")).containsExactly("BACKUP RESTORE_TEST");
        assertThat(robot.lookup("#backup-summary").queryAs(Label.class).getText())
                .startsWith("Backup written: " + db.rows("SELECT file FROM dbcreator_backup").get(0));
        WizardFixture.await(30, () -> wizard.model().steps().stream().anyMatch(s -> s.step() == Journey.Step.EXPAND
                && s.mark() == StepMark.Mark.NEXT)); // the history holds a tested backup: the sidebar names the expand next
        screenshot("backup-light");
        robot.clickOn("#theme-toggle");
        screenshot("backup-dark");
        robot.clickOn("#theme-toggle");

        robot.clickOn("#primary");
        ExpandViewModel expand = wizard.model().expand();
        WizardFixture.await(30, () -> expand.stateProperty().get() == ExpandViewModel.State.READY);
        assertThat(WizardFixture.onFx(() -> wizard.model().pageProperty().get())).isEqualTo(Page.EXPAND);
        robot.clickOn("#expand-pace-gentle");
        robot.clickOn("#primary");
        WizardFixture.await(120, () -> !expand.backfillTextProperty().get().isEmpty()
                || expand.stateProperty().get() == ExpandViewModel.State.EXPANDED);
        screenshot("expand-running-light");
        robot.clickOn("#theme-toggle");
        screenshot("expand-running-dark");
        robot.clickOn("#theme-toggle");
        WizardFixture.await(300, () -> expand.stateProperty().get() == ExpandViewModel.State.EXPANDED);
        WizardFixture.await(30, () -> wizard.model().steps().stream().anyMatch(s -> s.step() == Journey.Step.BACKUP
                && s.mark() == StepMark.Mark.DONE)); // the page shown is CURRENT; the steps behind it are done

        assertThat(db.rows("SELECT CONCAT(phase, ' ', target_version) FROM dbcreator_state"))
                .containsExactly("EXPANDED " + CATALOG.latestVersion());
        assertThat(robot.lookup("#expand-outcome").queryAs(Label.class).getText())
                .startsWith("Expanded " + CATALOG.baselineVersion() + " \u2192 " + CATALOG.latestVersion());
        assertThat(wizard.model().steps()).filteredOn(s -> s.step() == Journey.Step.BACKUP || s.step() == Journey.Step.EXPAND)
                .extracting(StepMark::mark).containsExactly(StepMark.Mark.DONE, StepMark.Mark.CURRENT); // Expand shown
        // no node is registered: the gate is open, Restart nodes is done, and the button leads to the Cleanup
        WizardFixture.await(30, () -> wizard.model().steps().stream().anyMatch(s -> s.step() == Journey.Step.CLEANUP
                && s.mark() == StepMark.Mark.NEXT));
        assertThat(wizard.model().steps()).filteredOn(s -> s.step() == Journey.Step.RESTART_NODES).extracting(StepMark::mark)
                .containsExactly(StepMark.Mark.DONE);
        assertThat(WizardFixture.onFx(() -> wizard.model().primaryLabelProperty().get())).isEqualTo("Next: Cleanup");
        assertThat(WizardFixture.onFx(() -> wizard.model().cliLineProperty().get())).startsWith("dbcreator cleanup ");
        screenshot("expand-light");
        robot.clickOn("#theme-toggle");
        screenshot("expand-dark");
        robot.clickOn("#theme-toggle");

        robot.clickOn("#primary");
        WizardFixture.await(30, () -> wizard.model().pageProperty().get() == Page.CLEANUP
                && wizard.model().cleanup().planProperty().get() != null);
        assertThat(wizard.model().steps()).filteredOn(s -> s.step() == Journey.Step.EXPAND).extracting(StepMark::mark)
                .containsExactly(StepMark.Mark.DONE);
    }

    private void screenshot(String name) {
        wizard.screenshotIfAsked(name);
    }
}
