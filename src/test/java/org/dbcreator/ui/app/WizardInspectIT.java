package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
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
import org.dbcreator.ui.report.ReportHtml;
import org.dbcreator.ui.service.ExportedReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The inspect journey against a real server, headless, with an account that may only SELECT:
 * Welcome's Inspect card, Connect, Status with every write shown refused and why, then Report,
 * whose HTML and JSON are read back and checked against the server. A bad password on Connect
 * shows the banner with its code. With {@code -Ddbcreator.screenshots=DIR} (the gui profile) it
 * writes the Status and Report pages, light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class WizardInspectIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final List<DemoNode> NODES = new ArrayList<>();
    private static TestDatabase db;
    private static ConnectionSettings reader;

    @TempDir
    static Path home;

    @TempDir
    Path folder;

    private WizardFixture wizard;

    @BeforeAll
    static void deployWithNodesAndAReader() throws Exception {
        db = TestDatabase.unique();
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()), new SampleSize(100, SampleSize.DEFAULT_SEED));
        }
        for (int i = 1; i <= 3; i++) {
            NODES.add(DbCreator.startNode(CATALOG, db.admin(), new DemoNode.Options("ms-" + i,
                    CATALOG.baselineVersion(), 2, Duration.ofSeconds(1)), write -> { }));
        }
        reader = db.createUser("SELECT");
    }

    @AfterAll
    static void stop() throws Exception {
        NODES.forEach(DemoNode::stop);
        db.close(); // drops the database and the reader
    }

    @Start
    void start(Stage stage) {
        wizard = WizardFixture.show(stage, home, new WizardRequest(false, Optional.empty(), Map.of()));
    }

    @Test
    void aSelectOnlyAccountShouldInspectTheDatabaseAndExportItsReport(FxRobot robot) throws Exception {
        robot.clickOn("#welcome-inspect");
        assertThat(wizard.model().journeyProperty().get()).isEqualTo(Journey.INSPECT);
        type(robot, reader.password().reveal());
        robot.clickOn("#primary");
        WizardFixture.await(30, () -> wizard.model().pageProperty().get() == Page.STATUS
                && !wizard.model().status().history().isEmpty() && !wizard.model().status().nodes().isEmpty());
        robot.interact(() -> { });

        assertThat(wizard.model().errorProperty().get()).isNull();
        assertThat(robot.lookup("#connection-user").queryAs(Label.class).getText()).isEqualTo("user " + reader.user());
        String schemaVersion = db.rows("SELECT schema_version FROM dbcreator_state WHERE id = 1").get(0);
        assertThat(robot.lookup("#status-versions").queryAs(Label.class).getText())
                .isEqualTo(schemaVersion + "  \u2192  " + CATALOG.latestVersion());
        assertThat(wizard.model().status().history()).hasSize((int) db.number("SELECT COUNT(*) FROM dbcreator_history"));
        // the grants say SELECT only; every write the page offers is shown refused, with the grant that fixes it
        assertThat(String.join(" ", db.rows("SHOW GRANTS FOR '" + reader.user() + "'@'%'")))
                .contains("GRANT SELECT ON").doesNotContain("ALTER", "INSERT", "ALL PRIVILEGES");
        assertThat(robot.lookup("#status-next").queryAs(Label.class).isDisabled()).isTrue();
        Label refused = robot.lookup("#status-next-refused").queryAs(Label.class);
        assertThat(refused.isVisible()).isTrue();
        assertThat(refused.getText()).startsWith("This account cannot start the expand: ").contains("ALTER", "Grant ");
        assertThat(robot.lookup("#check-PRIVILEGES").query().getStyleClass()).isNotNull();
        assertThat(robot.lookup("#primary").queryButton().getText()).isEqualTo("Next: Report");
        assertThat(wizard.model().steps()).extracting(s -> s.step() + " " + s.mark())
                .containsExactly("CONNECT DONE", "STATUS CURRENT", "REPORT NEXT");
        screenshot("status-inspect-light");
        scrollPage(robot, 1.0);
        screenshot("status-inspect-refused-light");
        // Preview only reads (the dry run): a SELECT-only account may use it
        robot.interact(() -> robot.lookup("#status-preview").queryButton().fire());
        WizardFixture.await(30, () -> !wizard.model().status().previewLines().isEmpty()
                || wizard.model().errorProperty().get() != null);
        assertThat(wizard.model().errorProperty().get()).isNull();
        assertThat(wizard.model().status().previewLines()).anySatisfy(line -> assertThat(line).contains("ALTER TABLE host"));
        assertThat(db.rows("SELECT CONCAT(schema_version, ' ', phase) FROM dbcreator_state"))
                .containsExactly(schemaVersion + " CLEAN");

        robot.clickOn("#primary");
        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.REPORT);
        assertThat(robot.lookup("#report-destination").queryAs(TextField.class).getText())
                .matches(".*/" + db.name() + "-report-\\d{4}-\\d\\d-\\d\\d-\\d{6}\\.html");
        Path html = folder.resolve("ticket-" + db.name() + ".html");
        robot.interact(() -> robot.lookup("#report-destination").queryAs(TextField.class).setText(html.toString()));
        assertThat(robot.lookup("#cli-line").queryAs(Label.class).getText()).startsWith("dbcreator report --host ")
                .contains("--user " + reader.user(), "--to " + html).doesNotContain(reader.password().reveal());
        robot.clickOn("#primary");
        WizardFixture.await(60, () -> wizard.model().report().exportedProperty().get() != null);
        robot.interact(() -> { });
        assertThat(wizard.model().errorProperty().get()).isNull();
        ExportedReport written = wizard.model().report().exportedProperty().get();
        assertThat(written.html()).isEqualTo(html);
        assertThat(written.gaps()).isEmpty();
        assertThat(robot.lookup("#report-result").queryAs(Label.class).getText())
                .startsWith("Written: " + html + " and " + written.json());
        assertThat(robot.lookup("#report-copy-path").queryButton().isVisible()).isTrue();
        checkTheReportsFacts(written);
        scrollPage(robot, 1.0);
        screenshot("report-light");

        robot.clickOn("#primary"); // again: the files exist now, so it asks
        assertThat(robot.lookup("#report-replace-question").queryAs(Label.class).getText())
                .startsWith(html.getFileName() + " and " + written.json().getFileName() + " already exist in " + folder);
        assertThat(robot.lookup("#primary").queryButton().isDisabled()).isTrue();
        robot.clickOn("#theme-toggle");
        scrollPage(robot, 1.0);
        screenshot("report-replace-dark");
        robot.clickOn("#report-keep");
        scrollPage(robot, 1.0);
        screenshot("report-dark");
        robot.clickOn("#back");
        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.STATUS);
        screenshot("status-inspect-dark");
    }

    private static void checkTheReportsFacts(ExportedReport written) throws Exception {
        String html = Files.readString(written.html(), StandardCharsets.UTF_8);
        String json = Files.readString(written.json(), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain(reader.password().reveal());
        assertThat(json).doesNotContain(reader.password().reveal());
        ReportHtml page = ReportHtml.read(written.html());
        assertThat(page.active()).as("nothing that runs or fetches").isEmpty();
        List<String> state = db.rows("SELECT CONCAT(schema_version, '|', phase, '|', lowest_release, '|', highest_release)"
                + " FROM dbcreator_state WHERE id = 1");
        String[] s = state.get(0).split("\\|");
        assertThat(page.value("Connection")).isEqualTo(reader.describe());
        assertThat(page.value("Schema version")).isEqualTo(s[0]);
        assertThat(page.value("Phase")).isEqualTo(s[1]);
        assertThat(page.value("Compatible range")).isEqualTo(s[2] + " \u2013 " + s[3]);
        assertThat(page.value("Server")).contains(db.rows("SELECT VERSION()").get(0));
        assertThat(page.value("Operator lock")).isEqualTo("free");
        assertThat(page.column("Nodes", "Name")).containsExactlyInAnyOrderElementsOf(db.rows("SELECT name FROM mshost"));
        assertThat(page.column("Nodes", "Release")).containsOnly(CATALOG.baselineVersion().toString());
        assertThat(page.column("History", "Script")).isEqualTo(db.rows("SELECT script FROM dbcreator_history ORDER BY id"));
        // a Java step in the catalog's words beside its class name; a SQL script has none
        assertThat(page.column("History", "What it does")).isEqualTo(db.rows("SELECT IF(script = "
                + "'org.dbcreator.demo.DemoSampleData', 'DemoCloud sample data', '') FROM dbcreator_history ORDER BY id"));

        JsonNode facts = new ObjectMapper().readTree(json);
        assertThat(facts.path("connection").asText()).isEqualTo(reader.describe());
        assertThat(facts.path("schemaVersion").asText()).isEqualTo(s[0]);
        assertThat(facts.path("phase").asText()).isEqualTo(s[1]);
        assertThat(facts.path("lowestRelease").asText() + " " + facts.path("highestRelease").asText())
                .isEqualTo(s[2] + " " + s[3]);
        assertThat(facts.path("serverVersion").asText()).isEqualTo(db.rows("SELECT VERSION()").get(0));
        assertThat(facts.path("gaps")).isEmpty();
        List<String> nodes = new ArrayList<>();
        facts.path("nodes").path("nodes").forEach(n -> nodes.add(n.path("name").asText()));
        assertThat(nodes).containsExactlyInAnyOrderElementsOf(db.rows("SELECT name FROM mshost"));
        List<String> scripts = new ArrayList<>();
        facts.path("history").forEach(h -> scripts.add(h.path("script").asText()));
        assertThat(scripts).isEqualTo(db.rows("SELECT script FROM dbcreator_history ORDER BY id"));
        assertThat(facts.path("lastRun").path("runId").asText())
                .isEqualTo(db.rows("SELECT run_id FROM dbcreator_journal ORDER BY started_at DESC LIMIT 1").get(0));
        assertThat(facts.path("lock").path("held").asBoolean(true)).isFalse();
    }

    @Test
    void aBadPasswordOnConnectShouldShowTheBannerWithItsCode(FxRobot robot) throws Exception {
        robot.clickOn("#welcome-inspect");
        type(robot, "not-the-password");
        robot.clickOn("#primary");
        WizardFixture.await(30, () -> wizard.model().errorProperty().get() != null);
        robot.interact(() -> { });
        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.CONNECT);
        Node banner = robot.lookup("#error-banner").query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.lookup("#error-code").queryAs(Label.class).getText()).isEqualTo("Error AUTHENTICATION_FAILED");
        assertThat(wizard.model().connectionProperty().get()).isNull();
        robot.clickOn("#error-dismiss");
        assertThat(wizard.model().errorProperty().get()).isNull();
    }

    /** Fills Connect with the reader's settings and {@code password}. */
    private static void type(FxRobot robot, String password) {
        robot.interact(() -> {
            robot.lookup("#connect-host").queryAs(TextField.class).setText(reader.host());
            robot.lookup("#connect-port").queryAs(TextField.class).setText(String.valueOf(reader.port()));
            robot.lookup("#connect-database").queryAs(TextField.class).setText(reader.database());
            robot.lookup("#connect-user").queryAs(TextField.class).setText(reader.user());
            robot.lookup("#connect-password").queryAs(PasswordField.class).setText(password);
        });
    }

    private static void scrollPage(FxRobot robot, double where) {
        javafx.scene.control.ScrollPane page = robot.lookup(".page-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> {
            page.layout();
            page.setVvalue(where);
        });
    }

    private void screenshot(String name) {
        wizard.screenshotIfAsked(name);
    }
}
