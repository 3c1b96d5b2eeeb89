package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.cluster.DemoNode;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.launch.WizardRequest;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The upgrade journey's first pages against a real server, headless: Welcome, Connect with the
 * fields typed, Status of a database at the baseline with three demo nodes at work. Every fact the
 * page shows is checked against the server. With {@code -Ddbcreator.screenshots=DIR} (the gui
 * profile) it also writes each page, light and dark, as PNG.
 */
@ExtendWith(ApplicationExtension.class)
class WizardStatusIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static TestDatabase db;
    private static final List<DemoNode> NODES = new ArrayList<>();

    @TempDir
    static Path home;

    private WizardFixture wizard;

    @BeforeAll
    static void deployWithNodes() throws Exception {
        db = TestDatabase.unique();
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()), new SampleSize(100, SampleSize.DEFAULT_SEED));
        }
        for (int i = 1; i <= 3; i++) {
            NODES.add(DbCreator.startNode(CATALOG, db.admin(), new DemoNode.Options("ms-" + i,
                    CATALOG.baselineVersion(), 5, Duration.ofSeconds(1)), write -> { }));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        NODES.forEach(DemoNode::stop);
        db.close();
    }

    @Start
    void start(Stage stage) {
        wizard = WizardFixture.show(stage, home, new WizardRequest(false, Optional.empty(), Map.of()));
    }

    @Test
    void upgradeJourneyShouldShowTheStateTheServerHolds(FxRobot robot) throws Exception {
        screenshot("welcome-light");
        robot.clickOn("#welcome-upgrade");
        ConnectionSettings admin = db.admin();
        robot.interact(() -> {
            robot.lookup("#connect-host").queryAs(TextField.class).setText(admin.host());
            robot.lookup("#connect-port").queryAs(TextField.class).setText(String.valueOf(admin.port()));
            robot.lookup("#connect-database").queryAs(TextField.class).setText(admin.database());
            robot.lookup("#connect-user").queryAs(TextField.class).setText(admin.user());
            robot.lookup("#connect-password").queryAs(PasswordField.class).setText(admin.password().reveal());
        });
        robot.clickOn("#connect-test");
        WizardFixture.await(30, () -> wizard.model().connect().testResultProperty().get().startsWith("Connected"));
        boolean tlsOffered = "YES".equals(db.rows("SELECT @@have_ssl").get(0)); // else TLS mode PREFERRED warns
        assertThat(robot.lookup("#connect-test-result").queryAs(Label.class).getText())
                .endsWith(tlsOffered ? "every layer passed." : "with a warning on: TLS (see below).");
        String state = db.rows("SELECT CONCAT(product, ' ', schema_version, ', ', phase) FROM dbcreator_state").get(0);
        assertThat(robot.lookup("#probe-DATABASE").query().lookupAll(".label")).extracting(n -> ((Label) n).getText())
                .contains("Database: passed. Database '" + admin.database() + "' is managed: " + state + ".");
        assertThat(robot.lookup("#probe-PRIVILEGES").query().lookupAll(".label")).extracting(n -> ((Label) n).getText())
                .contains("Upgrade: allowed", "Cleanup: allowed");
        screenshot("connect-light");
        robot.interact(() -> scrollToEnd(robot.lookup("#connect-probe").query()));
        screenshot("connect-probe-light");

        robot.clickOn("#primary");
        WizardFixture.await(30, () -> !wizard.model().status().nodes().isEmpty());
        robot.interact(() -> { });

        String schemaVersion = db.rows("SELECT schema_version FROM dbcreator_state WHERE id = 1").get(0);
        assertThat(robot.lookup("#status-versions").queryAs(Label.class).getText())
                .isEqualTo(schemaVersion + "  \u2192  " + CATALOG.latestVersion());
        assertThat(robot.lookup("#connection-where").queryAs(Label.class).getText()).startsWith(admin.database() + " @ ");
        @SuppressWarnings("unchecked")
        TableView<org.dbcreator.cluster.NodeStatus> nodes = robot.lookup("#status-nodes").queryAs(TableView.class);
        assertThat(nodes.getItems()).extracting(org.dbcreator.cluster.NodeStatus::name)
                .containsExactlyInAnyOrderElementsOf(db.rows("SELECT name FROM mshost WHERE state = 'Up'"));
        assertThat(wizard.model().steps()).extracting(StepMark::mark).startsWith(StepMark.Mark.DONE,
                StepMark.Mark.CURRENT, StepMark.Mark.NEXT);
        assertThat(robot.lookup("#cli-line").queryAs(Label.class).getText()).startsWith("dbcreator status --host ")
                .doesNotContain(admin.password().reveal().isEmpty() ? "--password " : admin.password().reveal());
        screenshot("status-light");
        scrollPage(robot, 1.0);
        screenshot("status-nodes-light");
        robot.interact(() -> robot.lookup("#status-preview").queryButton().fire());
        WizardFixture.await(30, () -> !wizard.model().status().previewLines().isEmpty());
        robot.interact(() -> { });
        assertThat(robot.lookup("#status-preview-text").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("ALTER TABLE host ADD COLUMN uuid");
        scrollPage(robot, 1.0);
        screenshot("status-preview-light");

        robot.clickOn("#theme-toggle");
        screenshot("status-preview-dark"); // the page still shows the preview, now dark
        scrollPage(robot, 0.0);
        screenshot("status-dark");
        robot.clickOn("#back");
        screenshot("connect-dark");
        robot.clickOn("#back");
        screenshot("welcome-dark");
    }

    private static void scrollPage(FxRobot robot, double where) {
        javafx.scene.control.ScrollPane page = robot.lookup(".page-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> page.setVvalue(where));
    }

    private void screenshot(String name) {
        wizard.screenshotIfAsked(name);
    }

    /** Scrolls the page that holds {@code node} to its end. */
    private static void scrollToEnd(javafx.scene.Node node) {
        for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane scroll) {
                scroll.setVvalue(scroll.getVmax());
                return;
            }
        }
        throw new AssertionError("the probe is in no scrolling page");
    }
}
