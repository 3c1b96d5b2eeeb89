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
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.launch.WizardRequest;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.ui.nodes.NodeCard;
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
 * The end of the upgrade journey, headless, against a real server: a database expanded to the
 * latest release with three demo nodes of the old one at work; Restart nodes shows them waiting,
 * each is restarted from its card, the gate opens by itself (the cards are polled), and the
 * Cleanup runs to the end. The server is asked at every step. With {@code -Pgui} it writes the
 * pages, light and dark, as PNG.
 */
@ExtendWith(ApplicationExtension.class)
class WizardNodesCleanupIT {

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
    void restartingEachDemoNodeFromItsCardShouldOpenTheGateAndTheCleanupShouldEndClean(FxRobot robot) throws Exception {
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
        wizard.service().startDemoNodes(3, OLD); // as the demo runs them, beside this test's database

        robot.clickOn(robot.lookup("#sidebar").lookup("Restart nodes").queryLabeled());
        WizardFixture.await(30, () -> wizard.model().nodes().cards().size() == 3);
        robot.interact(() -> { });
        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.RESTART_NODES);
        assertThat(db.rows("SELECT name, version, state FROM mshost ORDER BY name")).containsExactly(
                "demo-node-1 | " + OLD + " | Up", "demo-node-2 | " + OLD + " | Up", "demo-node-3 | " + OLD + " | Up");
        assertThat(wizard.model().nodes().verdictProperty().get()).isEqualTo(GateReport.Verdict.WAITING);
        assertThat(robot.lookup("#nodes-next").queryAs(Label.class).getText())
                .isEqualTo("Suggested next: restart demo-node-1 on " + NEW + ".");
        assertThat(robot.lookup("#nodes-cleanup-lock").queryAs(Label.class).getText())
                .startsWith("Cleanup is locked: 3 node(s) keep the gate to " + NEW + " shut");
        assertThat(wizard.model().primaryDisabledProperty().get()).isTrue();
        assertThat(robot.lookup("#node-restart-demo-node-1").queryButton().getText()).isEqualTo("Restart on " + NEW);
        assertThat(wizard.model().steps()).filteredOn(m -> m.step() == Journey.Step.CLEANUP).singleElement()
                .satisfies(m -> assertThat(m.mark()).isEqualTo(StepMark.Mark.LOCKED)); // the sidebar follows the gate
        wizard.screenshotIfAsked("restart-nodes-waiting-light");
        robot.clickOn("#theme-toggle");
        wizard.screenshotIfAsked("restart-nodes-waiting-dark");
        robot.clickOn("#theme-toggle");

        for (int i = 1; i <= 3; i++) {
            String name = "demo-node-" + i;
            robot.interact(() -> robot.lookup("#node-restart-" + name).queryButton().fire());
            WizardFixture.await(30, () -> wizard.model().nodes().cards().stream()
                    .anyMatch(c -> c.name().equals(name) && c.verdict() == NodeStatus.Verdict.READY));
            assertThat(db.rows("SELECT version, state FROM mshost WHERE name = '" + name + "'"))
                    .containsExactly(NEW + " | Up");
            robot.interact(() -> { });
            assertThat(robot.lookup("#node-restart-" + name).tryQuery()).as("a live node on " + NEW
                    + " offers no restart on it").isEmpty();
            assertThat(robot.lookup("#node-kill-" + name).tryQuery()).isPresent();
        }

        // a node of the old release that crashed long ago: it keeps the gate shut until excluded by its typed name
        db.execute("INSERT INTO mshost (name, version, state, last_update, created) VALUES ('ms-gone', '" + OLD
                + "', 'Up', NOW(3) - INTERVAL 600 SECOND, NOW())");
        WizardFixture.await(30, () -> wizard.model().nodes().verdictProperty().get() == GateReport.Verdict.BLOCKED);
        robot.interact(() -> robot.lookup("#node-exclude-ms-gone").queryButton().fire());
        robot.interact(() -> robot.lookup("#nodes-exclude-name").queryAs(TextField.class).setText("ms-gon"));
        assertThat(robot.lookup("#nodes-exclude-confirm").queryButton().isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#nodes-exclude-name").queryAs(TextField.class).setText("ms-gone"));
        assertThat(wizard.model().primaryDisabledProperty().get()).isTrue();
        robot.interact(() -> wizard.model().nodes().excludingProperty().get()); // settle the bindings
        scrollToExclusion(robot);
        wizard.screenshotIfAsked("restart-nodes-exclude-light");
        robot.clickOn("#theme-toggle");
        wizard.screenshotIfAsked("restart-nodes-exclude-dark");
        robot.clickOn("#theme-toggle");
        robot.interact(() -> robot.lookup("#nodes-exclude-confirm").queryButton().fire());

        WizardFixture.await(30, () -> !wizard.model().primaryDisabledProperty().get());
        robot.interact(() -> { });
        assertThat(wizard.model().nodes().verdictProperty().get()).isEqualTo(GateReport.Verdict.OPEN);
        assertThat(wizard.model().nodes().cards()).filteredOn(NodeCard::demo).extracting(NodeCard::release)
                .containsOnly(NEW.toString());
        assertThat(wizard.model().nodes().cards()).filteredOn(c -> c.name().equals("ms-gone")).singleElement()
                .satisfies(c -> assertThat(c.verdict()).isEqualTo(NodeStatus.Verdict.IGNORED));
        assertThat(robot.lookup("#nodes-verdict").queryAs(Label.class).getText())
                .startsWith("The gate is open: every live node runs " + NEW + " (3 live)");
        scrollPage(robot, 0.0);
        assertThat(robot.lookup("#primary").queryButton().getText()).isEqualTo("Next: Cleanup");
        assertThat(wizard.model().steps()).filteredOn(m -> m.step() == Journey.Step.CLEANUP).singleElement()
                .satisfies(m -> assertThat(m.mark()).isEqualTo(StepMark.Mark.NEXT));
        wizard.screenshotIfAsked("restart-nodes-open-light");
        robot.clickOn("#theme-toggle");
        wizard.screenshotIfAsked("restart-nodes-open-dark");
        robot.clickOn("#theme-toggle");

        robot.clickOn("#primary");
        WizardFixture.await(30, () -> wizard.model().cleanup().planProperty().get() != null);
        robot.interact(() -> { });
        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.CLEANUP);
        assertThat(wizard.model().cleanup().changes()).contains("The column event.level is dropped, with its data.");
        assertThat(robot.lookup("#cleanup-irreversible").queryAs(Label.class).getText()).startsWith("This cannot be undone.");
        assertThat(db.rows("SELECT phase, target_version FROM dbcreator_state")).containsExactly("EXPANDED | " + NEW);
        wizard.screenshotIfAsked("cleanup-light");
        robot.clickOn("#theme-toggle");
        wizard.screenshotIfAsked("cleanup-dark");
        robot.clickOn("#theme-toggle");

        robot.clickOn("#primary");
        WizardFixture.await(120, () -> wizard.model().cleanup().resultProperty().get() != null
                && wizard.model().pageProperty().get() == Page.DONE);
        WizardFixture.await(30, () -> wizard.model().done().summaryProperty().get() != null);
        robot.interact(() -> { });

        assertThat(wizard.model().errorProperty().get()).isNull();
        assertThat(db.rows("SELECT phase, schema_version, target_version FROM dbcreator_state"))
                .containsExactly("CLEAN | " + NEW + " | " + NEW);
        assertThat(db.number("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db.name()
                + "' AND TABLE_NAME = 'event' AND COLUMN_NAME = 'level'")).isZero();
        assertThat(db.rows("SELECT version, state FROM mshost WHERE name LIKE 'demo-node-%'"))
                .containsOnly(NEW + " | Up"); // the nodes served throughout
        assertThat(db.rows("SELECT action, detail FROM dbcreator_audit")).singleElement().satisfies(row ->
                assertThat(row).startsWith("EXCLUDE_NODE | Node 'ms-gone' excluded from the cleanup gate of " + OLD));
        assertThat(wizard.model().steps()).filteredOn(m -> m.step() == Journey.Step.CLEANUP).singleElement()
                .satisfies(m -> assertThat(m.mark()).isEqualTo(StepMark.Mark.DONE));
    }

    private static void scrollPage(FxRobot robot, double where) {
        javafx.scene.control.ScrollPane page = robot.lookup(".page-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> page.setVvalue(where));
    }

    /** Scrolls the page so that the exclusion box shows. */
    private static void scrollToExclusion(FxRobot robot) {
        javafx.scene.control.ScrollPane page = robot.lookup(".page-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        javafx.scene.Node box = robot.lookup("#nodes-exclude").query();
        robot.interact(() -> {
            page.layout();
            double content = page.getContent().getBoundsInLocal().getHeight();
            double viewport = page.getViewportBounds().getHeight();
            double y = box.localToScene(box.getBoundsInLocal()).getMinY()
                    - page.getContent().localToScene(page.getContent().getBoundsInLocal()).getMinY();
            page.setVvalue(content <= viewport ? 0 : Math.min(1, Math.max(0, (y - 200) / (content - viewport))));
        });
    }
}
