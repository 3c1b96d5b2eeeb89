package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStats;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.ui.backup.BackupViewModel;
import org.dbcreator.ui.expand.ExpandViewModel;
import org.testfx.api.FxRobot;

/**
 * The whole rolling upgrade as an admin walks it, from Status (the demo database at its oldest
 * release, three demo nodes at work) to Done and its report, every state shown checked against
 * the server; at the end the nodes saw no error and every write they saw acknowledged is there.
 * WizardUpgradeJourneyIT walks it on the server on 3306, WizardUpgradeJourneyDemoTest on the demo.
 */
final class UpgradeJourney {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final Version OLD = CATALOG.baselineVersion();
    private static final Version NEW = CATALOG.latestVersion();

    /** Rows of a query on the product database, columns joined by " | ". */
    @FunctionalInterface
    interface Sql {
        List<String> rows(String sql) throws SQLException;
    }

    private final WizardFixture wizard;
    private final Sql db;
    private final String database;
    private final Path files;
    private boolean screenshots = true;

    UpgradeJourney(WizardFixture wizard, Sql db, String database, Path files) {
        this.wizard = wizard;
        this.db = db;
        this.database = database;
        this.files = files;
    }

    /** Writes no screenshot: the README's sequence comes from one walk only (WizardUpgradeJourneyIT's). */
    UpgradeJourney withoutScreenshots() {
        screenshots = false;
        return this;
    }

    /** Walks from Status, shown with the three demo nodes of the oldest release at work, to Done and back. */
    void walk(FxRobot robot) throws Exception {
        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.STATUS);
        assertThat(db.rows("SELECT phase, schema_version FROM dbcreator_state")).containsExactly("CLEAN | " + OLD);
        assertThat(wizard.model().primaryLabelProperty().get()).isEqualTo("Back up, then expand");
        assertThat(wizard.model().primaryDisabledProperty().get()).isFalse();
        assertThat(mark(Journey.Step.BACKUP)).isEqualTo(StepMark.Mark.NEXT);
        shot("journey-01-status");

        // Backup, with the restore test
        robot.clickOn("#primary");
        assertThat(WizardFixture.onFx(() -> wizard.model().pageProperty().get())).isEqualTo(Page.BACKUP);
        BackupViewModel backup = wizard.model().backup();
        robot.interact(() -> backup.destinationProperty().set(files.resolve("backups").toString()));
        WizardFixture.await(10, () -> backup.freeSpaceProperty().get().endsWith("free there"));
        assertThat(robot.lookup("#backup-restore-test").queryAs(CheckBox.class).isSelected()).isTrue();
        WizardFixture.await(60, () -> backup.stateProperty().get() == BackupViewModel.State.READY); // enabled once read
        robot.clickOn("#primary");
        WizardFixture.await(180, () -> backup.stateProperty().get() == BackupViewModel.State.DONE);
        assertThat(mark(Journey.Step.BACKUP)).isEqualTo(StepMark.Mark.CURRENT); // the page shown; done once left
        WizardFixture.await(30, () -> mark(Journey.Step.EXPAND) == StepMark.Mark.NEXT); // the recorded backup was read
        assertThat(db.rows("SELECT CONCAT(kind, ' ', verification) FROM dbcreator_backup")).containsExactly("BACKUP RESTORE_TEST");
        assertThat(Path.of(db.rows("SELECT file FROM dbcreator_backup").get(0))).exists();
        assertThat(WizardFixture.onFx(() -> wizard.model().primaryLabelProperty().get())).isEqualTo("Next: Expand");
        scrollPage(robot, 1.0); // the verification and the file written
        shot("journey-02-backup");
        scrollPage(robot, 0.0);

        // Expand
        robot.clickOn("#primary");
        ExpandViewModel expand = wizard.model().expand();
        WizardFixture.await(30, () -> expand.stateProperty().get() == ExpandViewModel.State.READY);
        assertThat(WizardFixture.onFx(() -> wizard.model().pageProperty().get())).isEqualTo(Page.EXPAND);
        assertThat(WizardFixture.onFx(() -> wizard.model().primaryDisabledProperty().get())).isFalse();
        assertThat(mark(Journey.Step.BACKUP)).isEqualTo(StepMark.Mark.DONE);
        robot.clickOn("#primary");
        WizardFixture.await(300, () -> expand.stateProperty().get() == ExpandViewModel.State.EXPANDED);
        WizardFixture.await(30, () -> mark(Journey.Step.RESTART_NODES) == StepMark.Mark.NEXT);
        assertThat(db.rows("SELECT phase, target_version FROM dbcreator_state")).containsExactly("EXPANDED | " + NEW);
        assertThat(WizardFixture.onFx(() -> wizard.model().primaryLabelProperty().get())).isEqualTo("Next: Restart nodes");
        shot("journey-03-expand");

        // Restart nodes: each from its card, until the gate opens
        robot.clickOn("#primary");
        WizardFixture.await(30, () -> wizard.model().pageProperty().get() == Page.RESTART_NODES
                && wizard.model().nodes().cards().size() == 3);
        robot.interact(() -> { });
        assertThat(db.rows("SELECT name, version, state FROM mshost ORDER BY name")).containsExactly(
                "demo-node-1 | " + OLD + " | Up", "demo-node-2 | " + OLD + " | Up", "demo-node-3 | " + OLD + " | Up");
        assertThat(wizard.model().nodes().verdictProperty().get()).isEqualTo(GateReport.Verdict.WAITING);
        assertThat(wizard.model().primaryDisabledProperty().get()).isTrue();
        assertThat(mark(Journey.Step.CLEANUP)).isEqualTo(StepMark.Mark.LOCKED);
        assertThat(mark(Journey.Step.EXPAND)).isEqualTo(StepMark.Mark.DONE);
        assertThat(robot.lookup("#nodes-cleanup-lock").queryAs(Label.class).getText())
                .startsWith("Cleanup is locked: 3 node(s) keep the gate to " + NEW + " shut");
        shot("journey-04-restart-nodes");
        for (int i = 1; i <= 3; i++) {
            String name = "demo-node-" + i;
            robot.interact(() -> robot.lookup("#node-restart-" + name).queryButton().fire());
            WizardFixture.await(30, () -> wizard.model().nodes().cards().stream()
                    .anyMatch(c -> c.name().equals(name) && c.verdict() == NodeStatus.Verdict.READY));
            assertThat(db.rows("SELECT version, state FROM mshost WHERE name = '" + name + "'")).containsExactly(NEW + " | Up");
            if (i == 1) {
                shot("journey-05-restart-nodes-one-done");
            }
        }
        WizardFixture.await(30, () -> !wizard.model().primaryDisabledProperty().get());
        robot.interact(() -> { });
        assertThat(wizard.model().nodes().verdictProperty().get()).isEqualTo(GateReport.Verdict.OPEN);
        assertThat(wizard.model().primaryLabelProperty().get()).isEqualTo("Next: Cleanup");
        assertThat(mark(Journey.Step.CLEANUP)).isEqualTo(StepMark.Mark.NEXT);
        shot("journey-06-gate-open");

        // Cleanup, then Done
        robot.clickOn("#primary");
        WizardFixture.await(30, () -> wizard.model().cleanup().planProperty().get() != null);
        robot.interact(() -> { });
        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.CLEANUP);
        assertThat(wizard.model().primaryDisabledProperty().get()).isFalse();
        assertThat(db.rows("SELECT phase, target_version FROM dbcreator_state")).containsExactly("EXPANDED | " + NEW);
        shot("journey-07-cleanup");
        robot.clickOn("#primary");
        WizardFixture.await(180, () -> wizard.model().pageProperty().get() == Page.DONE
                && wizard.model().done().summaryProperty().get() != null);
        robot.interact(() -> { });
        assertThat(wizard.model().errorProperty().get()).isNull();
        assertThat(db.rows("SELECT phase, schema_version, target_version FROM dbcreator_state"))
                .containsExactly("CLEAN | " + NEW + " | " + NEW);
        assertThat(wizard.model().done().releaseProperty().get()).isEqualTo(NEW.toString());
        assertThat(robot.lookup("#done-release").queryAs(Label.class).getText()).contains(NEW.toString());
        assertThat(wizard.model().done().phases()).anySatisfy(p -> assertThat(p).startsWith("expand " + OLD + " \u2192 " + NEW))
                .anySatisfy(p -> assertThat(p).startsWith("cleanup " + OLD + " \u2192 " + NEW));
        assertThat(wizard.model().done().backupProperty().get())
                .contains(db.rows("SELECT file FROM dbcreator_backup").get(0));
        assertThat(wizard.model().steps()).filteredOn(m -> m.step() != Journey.Step.DONE && m.step() != Journey.Step.CONNECT
                        && m.step() != Journey.Step.STATUS)
                .extracting(StepMark::mark).containsOnly(StepMark.Mark.DONE);
        shot("journey-08-done");

        // Export report from Done
        robot.interact(() -> robot.lookup("#done-report").queryButton().fire());
        WizardFixture.await(30, () -> wizard.model().pageProperty().get() == Page.REPORT);
        Path report = files.resolve("journey-report.html");
        robot.interact(() -> wizard.model().report().destinationProperty().set(report.toString()));
        robot.clickOn("#primary");
        WizardFixture.await(60, () -> wizard.model().report().exportedProperty().get() != null);
        String html = Files.readString(report);
        assertThat(html).contains(database).contains(NEW.toString());

        // Back: Status read again says the journey is over, every step of it done
        robot.clickOn("#back");
        WizardFixture.await(30, () -> wizard.model().pageProperty().get() == Page.STATUS
                && !wizard.model().status().busyProperty().get() && wizard.model().status().statusProperty().get() != null);
        robot.interact(() -> { });
        assertThat(wizard.model().status().statusProperty().get().report().schemaVersion()).contains(NEW);
        assertThat(wizard.model().steps()).filteredOn(m -> m.step() != Journey.Step.STATUS).extracting(StepMark::mark)
                .containsOnly(StepMark.Mark.DONE);

        // the nodes served throughout: stop them, then ask what they saw
        wizard.service().stopDemoNodes();
        assertThat(wizard.service().demoNodeStats()).as("demo node incarnations").hasSize(6)
                .allSatisfy(s -> assertThat(s.errors()).as("errors %s %s", s.errorsByKind(), s.lastErrors()).isZero());
        AcknowledgedWrites acknowledged = new AcknowledgedWrites(wizard.service().demoNodeWrites(), db);
        assertThat(wizard.service().demoNodeStats().stream().mapToLong(NodeStats::acknowledgedWrites).sum())
                .isEqualTo(wizard.service().demoNodeWrites().size());
        assertThat(acknowledged.insertsInto("event")).isPositive();
        assertThat(acknowledged.missing()).as("acknowledged writes not on the server").isEmpty();
    }

    private StepMark.Mark mark(Journey.Step step) {
        java.util.concurrent.Callable<StepMark.Mark> read = () -> wizard.model().steps().stream()
                .filter(m -> m.step() == step).map(StepMark::mark).findFirst().orElseThrow();
        return javafx.application.Platform.isFxApplicationThread() ? call(read) : WizardFixture.onFx(read);
    }

    private static <T> T call(java.util.concurrent.Callable<T> read) {
        try {
            return read.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void shot(String name) {
        if (screenshots) {
            wizard.screenshotIfAsked(name);
        }
    }

    private static void scrollPage(FxRobot robot, double where) {
        javafx.scene.control.ScrollPane page = robot.lookup(".page-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> page.setVvalue(where));
    }
}
