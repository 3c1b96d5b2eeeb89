package org.dbcreator.ui.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.TlsMode;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.RecentConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Deploy page's choices before anything runs: the catalog's releases (newest chosen), the
 * sample rows and their total, the command line. Uses the real service; none of this needs a server.
 */
class DeployViewModelTest {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final ConnectedDatabase DB = new ConnectedDatabase("db1.example.com", 3306, "cloud", "cloud_admin",
            TlsMode.PREFERRED, Optional.empty(), "MariaDB 10.11.6", Optional.empty(), Optional.empty());

    @TempDir
    Path home;

    private final List<String> visited = new ArrayList<>();
    private EngineWizardService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    private DeployViewModel page() {
        service = new EngineWizardService(Map.of("DBCREATOR_HOME", home.toString()), ProgressListener.NONE);
        DeployViewModel page = new DeployViewModel(service, new CurrentThreadExecutor(), new Navigation() {
            public void showWelcome() { visited.add("welcome"); }
            public void showConnect(Journey journey, Optional<RecentConnection> profile) { visited.add("connect"); }
            public void connected(ConnectedDatabase database) { visited.add("connected"); }
            public void startDemo() { visited.add("demo"); }
            public void showDeploy() { visited.add("deploy"); }
            public void showDone() { visited.add("done"); }
            public void showReport() { visited.add("report"); }
            public void showStatus() { visited.add("status"); }
            public void showError(Throwable failure) { visited.add("error " + failure.getMessage()); }
            public void log(String line) { }
        });
        page.open(DB);
        return page;
    }

    @Test
    void theNewestReleaseShouldBeChosenAndEveryReleaseOfferedNewestFirst() {
        DeployViewModel page = page();
        assertThat(page.releaseProperty().get()).isEqualTo(CATALOG.latestVersion());
        assertThat(page.releases()).hasSize(CATALOG.versions().size()).first().isEqualTo(CATALOG.latestVersion());
        assertThat(page.releases()).last().isEqualTo(CATALOG.baselineVersion());
        assertThat(page.primaryLabel().get()).isEqualTo("Deploy " + CATALOG.latestVersion());
        assertThat(page.primaryDisabled().get()).isFalse();
    }

    @Test
    void withoutSampleRowsThePageShouldSaySoAndTheCommandShouldLoadNone() {
        DeployViewModel page = page();
        assertThat(page.sampleTotalProperty().get()).isEqualTo("No sample data: the tables start empty.");
        assertThat(page.cliLine().get()).isEqualTo("dbcreator deploy --host db1.example.com --port 3306 --database cloud"
                + " --user cloud_admin --password-prompt --target " + CATALOG.latestVersion());
    }

    @Test
    void theSampleTotalShouldCountTheRowsOfEveryTable() {
        DeployViewModel page = page();
        page.withSampleProperty().set(true);
        page.sampleRowsProperty().set("1000");
        // 3 data centers, 10 accounts, 10 hosts, 50 VMs, 1,000 events and 1,000 usage events
        assertThat(page.sampleTotalProperty().get()).isEqualTo("The sample writes 2,073 rows over all tables.");
        page.releaseProperty().set(CATALOG.baselineVersion());
        assertThat(page.cliLine().get()).endsWith("--target " + CATALOG.baselineVersion() + " --sample-rows 1000");
    }

    @Test
    void sampleRowsThatAreNoPositiveNumberShouldBlockTheDeploy() {
        DeployViewModel page = page();
        page.withSampleProperty().set(true);
        page.sampleRowsProperty().set("ten");
        assertThat(page.sampleErrorProperty().get()).startsWith("Type a whole number of rows");
        assertThat(page.primaryDisabled().get()).isTrue();
        page.deploy();
        assertThat(page.runningProperty().get()).isFalse();
        assertThat(visited).isEmpty();
        page.withSampleProperty().set(false);
        assertThat(page.primaryDisabled().get()).isFalse();
        assertThat(page.sampleErrorProperty().get()).isEmpty();
    }

    @Test
    void aDeployWithoutAnOpenDatabaseShouldReachTheBannerAndNotDone() {
        DeployViewModel page = page(); // the service never connected: the engine refuses
        page.deploy();
        assertThat(visited).hasSize(2).allMatch(v -> v.startsWith("error ") && v.contains("connect first"));
        assertThat(page.runningProperty().get()).isFalse();
        assertThat(page.outcomeProperty().get()).startsWith("The deploy stopped, and the database could not be read");
    }

    @Test
    void theSampleDataShouldBeNamedByItsDescriptionAndAScriptByItsPath() {
        DeployViewModel page = page();
        String generator = "org.dbcreator.demo.DemoSampleData";
        String words = "DemoCloud sample data (50000 rows, seed 42)";

        page.onEvents(List.of(new ProgressEvent.ScriptStarted("4.0.0/create-schema.sql", "", "BASELINE", 1, 11, 11,
                OptionalLong.empty())));
        assertThat(page.scriptProperty().get()).isEqualTo("Script 1 of 11: baseline 4.0.0/create-schema.sql");

        page.onEvents(List.of(new ProgressEvent.ScriptStarted(generator, words, "SAMPLE_DATA", 2, 11, -1,
                OptionalLong.empty()), new ProgressEvent.BatchDone(generator, words, 0, 500, 500, OptionalLong.empty())));
        assertThat(page.scriptProperty().get()).isEqualTo("Script 2 of 11: sample data: " + words);
        assertThat(page.logLines()).endsWith("Script 2 of 11: sample data: " + words + " (DemoSampleData)",
                words + ": batch 0, 500 rows");
        assertThat(page.logLines()).noneMatch(l -> l.contains(generator));
    }

    @ParameterizedTest
    @CsvSource({"1000, 1000", "'10,000', 10000", "' 25 000 ', 25000", "1_000, 1000", "0, 0", "-5, -1", "abc, -1",
            "'', -1", "9999999999999, -1"})
    void sampleRowsShouldBeReadAsPeopleTypeThem(String typed, long rows) {
        assertThat(DeployViewModel.parseRows(typed)).isEqualTo(rows);
    }
}
