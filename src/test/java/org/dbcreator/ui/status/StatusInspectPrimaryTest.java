package org.dbcreator.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.db.TlsMode;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.RecentConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Status page's primary action follows the journey: Refresh, or in the inspect journey Next: Report. */
class StatusInspectPrimaryTest {

    @TempDir
    Path home;

    private final List<String> shown = new ArrayList<>();

    private StatusViewModel model() {
        Navigation navigation = new Navigation() {
            public void showWelcome() { }
            public void showConnect(Journey journey, Optional<RecentConnection> profile) { }
            public void connected(ConnectedDatabase database) { }
            public void startDemo() { }
            public void showReport() { shown.add("report"); }
            public void showError(Throwable failure) { shown.add("error " + failure.getMessage()); }
            public void log(String line) { }
        };
        return new StatusViewModel(new EngineWizardService(Map.of("DBCREATOR_HOME", home.toString()), event -> { }),
                new CurrentThreadExecutor(), navigation, read -> { });
    }

    @Test
    void theInspectJourneyShouldMoveOnToTheReport() {
        StatusViewModel m = model();
        m.journeyProperty().set(Journey.INSPECT);
        assertThat(m.primaryLabel().get()).isEqualTo("Next: Report");
        m.primary();
        assertThat(shown).as("nothing is open: nothing to report on").isEmpty();
        m.databaseProperty().set(new ConnectedDatabase("db1", 3306, "cloud", "support", TlsMode.PREFERRED,
                Optional.empty(), "MariaDB 10.11.6", Optional.empty(), Optional.empty()));
        m.primary();
        assertThat(shown).containsExactly("report");
        assertThat(m.cliLine().get()).as("the report command needs its file").isEqualTo(
                "dbcreator report --host db1 --port 3306 --database cloud --user support --password-prompt --to cloud-report.html");
    }

    @Test
    void otherJourneysShouldReadTheStateAgain() {
        StatusViewModel m = model();
        m.journeyProperty().set(Journey.UPGRADE);
        assertThat(m.primaryLabel().get()).isEqualTo("Refresh");
        m.exportReport();
        assertThat(shown).isEmpty();
    }
}
