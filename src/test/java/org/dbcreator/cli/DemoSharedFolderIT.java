package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.dbcreator.embedded.ServerBinaries;
import org.dbcreator.embedded.UserFolders;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.app.LogFeed;
import org.dbcreator.ui.app.Page;
import org.dbcreator.ui.app.ShellViewModel;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.EngineWizardService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's demo and {@code dbcreator demo} share one folder (DBCREATOR_HOME/data/demo): while
 * one runs, the other refuses at once with DEMO_ALREADY_RUNNING and a sentence that names the
 * running server and how to stop it, and the running one goes on undisturbed.
 */
class DemoSharedFolderIT {

    private static final Duration START = Duration.ofMinutes(2);

    @TempDir
    Path home;

    private Map<String, String> env;
    private Path demoFolder;

    @BeforeEach
    void shareTheUnpackedServer() throws Exception {
        ServerBinaries binaries = ServerBinaries.unpackedInto(UserFolders.fromEnvironment().cache());
        Files.createDirectories(home.resolve("cache"));
        Files.createSymbolicLink(home.resolve("cache").resolve(binaries.home().getFileName()), binaries.home());
        env = Map.of("DBCREATOR_HOME", home.toString());
        demoFolder = home.resolve("data/demo");
    }

    @Test
    void theCliDemoShouldBeRefusedWhileTheWizardsDemoRunsAndStartOnceItStopped() throws Exception {
        try (EngineWizardService wizard = new EngineWizardService(env, ProgressListener.NONE)) {
            ConnectedDatabase demo = wizard.startDemo(1, ProgressListener.NONE);
            long pid = Long.parseLong(Files.readString(demoFolder.resolve("mariadbd.pid")).strip());
            assertThat(ProcessHandle.of(pid)).get().matches(ProcessHandle::isAlive);

            DbCreatorCli.Result cli = DbCreatorCli.run(env, "demo", "--no-wait", "--reset");

            assertThat(cli.exitCode()).as(cli.all()).isEqualTo(71);
            assertThat(cli.err()).contains("error DEMO_ALREADY_RUNNING: A demo server is already running on port "
                    + demo.port() + " (pid " + pid + ") with its data in " + demoFolder,
                    "close the wizard window that started it");
            assertThat(cli.out()).doesNotContain("Starting");
            assertThat(wizard.status().report().condition().name()).isEqualTo("MANAGED"); // the wizard's demo reads on
            assertThat(Files.readString(demoFolder.resolve("mariadbd.pid")).strip()).isEqualTo(String.valueOf(pid));
        }
        DbCreatorCli.Result after = DbCreatorCli.run(env, "demo", "--no-wait", "--sample-rows", "0");
        assertThat(after.exitCode()).as(after.all()).isZero();
        assertThat(after.out()).contains("MANAGED, CLEAN at 4.0.0");
    }

    @Test
    void theWizardsDemoShouldShowTheBannerWhileTheCliDemoRuns() throws Exception {
        try (DbCreatorCli.Background cli = DbCreatorCli.inBackground(env, "demo", "--sample-rows", "0");
                EngineWizardService service = new EngineWizardService(env, ProgressListener.NONE)) {
            String printed = cli.awaitWaiting(START);
            long pid = Long.parseLong(Files.readString(demoFolder.resolve("mariadbd.pid")).strip());
            CurrentThreadExecutor executor = new CurrentThreadExecutor();
            ShellViewModel window = new ShellViewModel(service, executor, new LogFeed(executor), "cloud");

            window.startDemo();

            assertThat(window.errorProperty().get()).isNotNull().satisfies(banner -> {
                assertThat(banner.code()).isEqualTo("DEMO_ALREADY_RUNNING");
                assertThat(banner.message()).startsWith("A demo server is already running on port ")
                        .contains("(pid " + pid + ")", "Ctrl-C in the terminal of its 'dbcreator demo'");
            });
            assertThat(window.pageProperty().get()).isEqualTo(Page.WELCOME);
            assertThat(window.busyProperty().get()).isEmpty();
            assertThat(window.connectionProperty().get()).isNull();
            assertThat(printed).contains("MANAGED, CLEAN at 4.0.0");
            DbCreatorCli.Result status = DbCreatorCli.run(Map.of(), "status", "--profile",
                    demoFolder.resolve("demo.properties").toString());
            assertThat(status.exitCode()).as(status.all()).isZero();
            assertThat(status.out()).contains("MANAGED, CLEAN at 4.0.0"); // the CLI's demo runs on
            assertThat(cli.stop().exitCode()).isZero();
        }
    }
}
