package org.dbcreator.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javafx.stage.Stage;
import org.dbcreator.db.ConnectionProfile;
import org.dbcreator.launch.WizardRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole rolling upgrade on the embedded demo, as an evaluator walks it: Welcome's "Start a demo
 * database", then the same walk as WizardUpgradeJourneyIT (backup, expand, each demo node restarted
 * from its card, cleanup, Done, report), the server asked through the demo's own profile.
 * Slow (it starts the embedded server): mvn -Pgui.
 */
@Tag("gui-slow")
@ExtendWith(ApplicationExtension.class)
class WizardUpgradeJourneyDemoTest {

    /** A home of its own, so that the demo database starts afresh at its oldest release. */
    private static final Path HOME = Path.of("target", "wizard-journey-demo-home").toAbsolutePath();

    @TempDir
    static Path files;

    private WizardFixture wizard;

    @Start
    void start(Stage stage) throws Exception {
        if (Files.exists(HOME.resolve("data/demo"))) {
            try (var paths = Files.walk(HOME.resolve("data/demo"))) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        wizard = WizardFixture.show(stage, HOME, new WizardRequest(false, Optional.empty(), Map.of()));
    }

    @AfterEach
    void stopTheDemo() throws InterruptedException {
        wizard.close();
    }

    @Test
    void theWholeJourneyOnTheDemoShouldEndCleanWithTheNodesServingThroughout(FxRobot robot) throws Exception {
        robot.clickOn("#welcome-demo");
        WizardFixture.await(300, () -> wizard.model().status().nodes().size() == WelcomeNodes.COUNT
                && !wizard.model().status().busyProperty().get());
        robot.interact(() -> { });
        ConnectionProfile profile = ConnectionProfile.read(HOME.resolve("data/demo/demo.properties"));
        String database = profile.database().orElseThrow();
        new UpgradeJourney(wizard, sql -> rows(profile, sql), database, files).withoutScreenshots().walk(robot);
    }

    /** Rows of {@code sql} on the demo database, through the demo's profile and its password file. */
    private static List<String> rows(ConnectionProfile profile, String sql) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", profile.user().orElseThrow());
        try {
            p.setProperty("password", profile.passwordFile().isPresent()
                    ? Files.readString(profile.passwordFile().get()).strip() : "");
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
        p.setProperty("allowPublicKeyRetrieval", "true");
        String url = "jdbc:mysql://" + profile.host().orElse("127.0.0.1") + ":" + profile.port().orElseThrow() + "/"
                + profile.database().orElseThrow();
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** The number of demo nodes the Welcome page starts. */
    private static final class WelcomeNodes {
        static final int COUNT = org.dbcreator.ui.welcome.WelcomeViewModel.DEMO_NODES;
    }
}
