package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javafx.stage.Stage;
import org.dbcreator.launch.WizardRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The start-up benchmark's probe, headless (Monocle): it stops the clock at a ready Welcome page and closes the window. */
@ExtendWith(ApplicationExtension.class)
class StartupProbeTest {

    @TempDir
    static Path home;

    private Stage stage;
    private WizardFixture wizard;
    private Path file;
    private long armedAt;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // one profile, so that "ready" can be seen: the Welcome page lists it once the profiles are read
        Path profile = home.resolve("config/profiles/probe.properties");
        Files.createDirectories(profile.getParent());
        Files.writeString(profile, "host=127.0.0.1\nport=3306\nuser=root\ndatabase=probe\n");
        file = home.resolve("startup.properties");
        System.setProperty(StartupProbe.PROPERTY, file.toString());
        armedAt = System.currentTimeMillis();
        wizard = WizardFixture.show(stage, home, new WizardRequest(false, Optional.empty(), Map.of()));
        StartupProbe.armIfAsked(stage, wizard.model());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        System.clearProperty(StartupProbe.PROPERTY);
        wizard.close();
    }

    @Test
    void probeShouldWriteTheTimeOfTheFirstReadyWelcomeFrameAndCloseTheWindow() throws Exception {
        WizardFixture.await(30, () -> Files.exists(file) && !stage.isShowing());

        Properties written = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            written.load(in);
        }
        long frameAt = Long.parseLong(written.getProperty("interactiveAtEpochMs"));
        long sinceJvmStart = Long.parseLong(written.getProperty("jvmStartToInteractiveMs"));
        assertThat(frameAt).isBetween(armedAt, System.currentTimeMillis());
        assertThat(sinceJvmStart).isEqualTo(frameAt - ManagementFactory.getRuntimeMXBean().getStartTime());
        assertThat(WizardFixture.onFx(() -> wizard.model().pageProperty().get())).isEqualTo(Page.WELCOME);
        assertThat(WizardFixture.onFx(() -> wizard.model().welcome().recent().size()))
                .as("the profiles were read before the clock stopped").isEqualTo(1);
    }
}
