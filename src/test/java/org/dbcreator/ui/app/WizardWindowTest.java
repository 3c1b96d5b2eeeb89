package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.dbcreator.launch.WizardRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window headless (Monocle), without a server: Welcome to Connect, validation as you type, a refused connection. */
@ExtendWith(ApplicationExtension.class)
class WizardWindowTest {

    @TempDir
    static Path home;

    private WizardFixture wizard;

    @Start
    void start(Stage stage) {
        wizard = WizardFixture.show(stage, home, new WizardRequest(false, Optional.empty(), Map.of()));
    }

    @Test
    void welcomeShouldOfferTheThreeJourneys(FxRobot robot) {
        assertThat(robot.lookup("#welcome-upgrade").queryButton().getText()).isEqualTo("Upgrade a database");
        assertThat(robot.lookup("#welcome-demo").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#welcome-inspect").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#cli-line").queryAs(Label.class).getText()).isEqualTo("dbcreator demo --nodes 3");
        assertThat(robot.lookup("#connection-where").queryAs(Label.class).getText()).isEqualTo("Not connected");
    }

    @Test
    void connectShouldValidateAsYouTypeAndKeepConnectDisabled(FxRobot robot) {
        robot.clickOn("#welcome-inspect");
        TextField port = robot.lookup("#connect-port").queryAs(TextField.class);
        robot.interact(() -> port.setText(""));
        robot.clickOn("#connect-port").write("70000");
        Label portMessage = robot.lookup("#connect-port-message").queryAs(Label.class);
        assertThat(portMessage.isVisible()).isTrue();
        assertThat(portMessage.getText()).contains("1 to 65535");
        assertThat(robot.lookup("#primary").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#cli-line").queryAs(Label.class).getText()).isEmpty();

        robot.interact(() -> port.setText(""));
        robot.clickOn("#connect-port").write("3307");
        assertThat(portMessage.isVisible()).isFalse();
        assertThat(robot.lookup("#primary").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#cli-line").queryAs(Label.class).getText())
                .isEqualTo("dbcreator status --host 127.0.0.1 --port 3307 --database cloud --user root --password-prompt");
    }

    @Test
    void refusedConnectionShouldShowTheBannerWithItsCodeUntilDismissed(FxRobot robot) {
        robot.clickOn("#welcome-upgrade");
        TextField port = robot.lookup("#connect-port").queryAs(TextField.class);
        robot.interact(() -> port.setText("1"));
        robot.clickOn("#primary");
        WizardFixture.await(30, () -> wizard.model().errorProperty().get() != null);
        robot.interact(() -> { });
        assertThat(robot.lookup("#error-banner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#error-code").queryAs(Label.class).getText()).isEqualTo("Error CONNECTION_REFUSED");
        assertThat(robot.lookup("#error-advice").queryAs(Label.class).getText()).contains("Check that the server runs");
        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.CONNECT);

        robot.clickOn("#error-dismiss");
        assertThat(robot.lookup("#error-banner").query().isVisible()).isFalse();
    }

    @Test
    void escapeShouldGoBackAndTheThemeToggleShouldSwitchToDark(FxRobot robot) {
        robot.clickOn("#welcome-upgrade");
        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.CONNECT);
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(wizard.model().pageProperty().get()).isEqualTo(Page.WELCOME);

        boolean before = wizard.model().darkProperty().get();
        robot.clickOn("#theme-toggle");
        assertThat(wizard.model().darkProperty().get()).isNotEqualTo(before);
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains(before ? "light" : "dark");
    }

}
