package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.launch.WizardRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The evaluator's journey: the Welcome page's "Start a demo database" starts the embedded server,
 * deploys the demo database and its three demo nodes, and lands on Status with the nodes shown.
 * Slow (the first run unpacks the server): mvn -Pgui.
 */
@Tag("gui-slow")
@ExtendWith(ApplicationExtension.class)
class WizardDemoTest {

    /** Kept between runs under target/, so that the server is unpacked once. */
    private static final Path HOME = Path.of("target", "wizard-demo-home").toAbsolutePath();

    private WizardFixture wizard;

    @Start
    void start(Stage stage) {
        wizard = WizardFixture.show(stage, HOME, new WizardRequest(false, Optional.empty(), Map.of()));
    }

    @AfterEach
    void stopTheDemo() throws InterruptedException {
        wizard.close();
    }

    @Test
    void tryItShouldLandOnTheDemoStatusWithItsNodesAtWork(FxRobot robot) {
        robot.clickOn("#welcome-demo");
        assertThat(robot.lookup("#busy-text").queryAs(Label.class).getText()).startsWith("Starting the demo database");
        WizardFixture.await(300, () -> wizard.model().status().nodes().size() == WelcomeViewModelNodes.COUNT);
        robot.interact(() -> { });

        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.STATUS);
        assertThat(wizard.model().errorProperty().get()).isNull();
        assertThat(robot.lookup("#connection-environment").queryAs(Label.class).getText()).isEqualTo("DEMO");
        @SuppressWarnings("unchecked")
        TableView<NodeStatus> nodes = robot.lookup("#status-nodes").queryAs(TableView.class);
        assertThat(nodes.getItems()).extracting(NodeStatus::name)
                .containsExactlyInAnyOrder("demo-node-1", "demo-node-2", "demo-node-3");
        assertThat(nodes.getItems()).extracting(NodeStatus::liveness).containsOnly(NodeStatus.Liveness.LIVE);
        assertThat(robot.lookup("#cli-line").queryAs(Label.class).getText())
                .startsWith("dbcreator backup --profile " + HOME.resolve("data/demo/demo.properties")); // the upgrade's first step
        assertThat(robot.lookup("#primary").queryButton().getText()).isEqualTo("Back up, then expand");
        wizard.screenshotIfAsked("status-demo-light");
    }

    /** The number of demo nodes the Welcome page starts. */
    private static final class WelcomeViewModelNodes {
        static final int COUNT = org.dbcreator.ui.welcome.WelcomeViewModel.DEMO_NODES;
    }
}
