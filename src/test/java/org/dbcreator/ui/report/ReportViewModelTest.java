package org.dbcreator.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.db.TlsMode;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.ExportedReport;
import org.dbcreator.ui.service.RecentConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Report page's fields and commands with the real service and no database open: the file it
 * suggests, what it says of a typed destination, and that an existing file is only replaced once
 * the operator said so (the writing itself is ReportViewModelIT's).
 */
class ReportViewModelTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-12-03T12:04:05Z"), ZoneOffset.UTC);
    private static final ConnectedDatabase CLOUD = new ConnectedDatabase("db1.example.com", 3306, "cloud", "support",
            TlsMode.PREFERRED, Optional.empty(), "MariaDB 10.11.6", Optional.empty(), Optional.empty());

    @TempDir
    Path folder;

    private final List<Throwable> errors = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    private ReportViewModel model() {
        Navigation navigation = new Navigation() {
            public void showWelcome() { }
            public void showConnect(Journey journey, Optional<RecentConnection> profile) { }
            public void connected(ConnectedDatabase database) { }
            public void startDemo() { }
            public void showError(Throwable failure) { errors.add(failure); }
            public void log(String line) { log.add(line); }
        };
        return new ReportViewModel(new EngineWizardService(Map.of("DBCREATOR_HOME", folder.resolve("home").toString()),
                event -> { }), new CurrentThreadExecutor(), navigation, folder, NOON);
    }

    @Test
    void theSuggestedFileShouldNameTheDatabaseAndTheTimeInTheGivenFolder() {
        ReportViewModel m = model();
        m.open(CLOUD, Optional.empty());
        assertThat(m.destinationProperty().get()).isEqualTo(folder.resolve("cloud-report-2026-12-03-120405.html").toString());
        assertThat(m.destinationError().get()).isEmpty();
        assertThat(m.primaryDisabled().get()).isFalse();
        assertThat(m.primaryLabel().get()).isEqualTo("Export report");
        assertThat(m.cliLine().get()).isEqualTo("dbcreator report --host db1.example.com --port 3306 --database cloud"
                + " --user support --password-prompt --to " + folder.resolve("cloud-report-2026-12-03-120405.html")
                + " --json > " + folder.resolve("cloud-report-2026-12-03-120405.json"));
        assertThat(m.contents()).first().asString().contains("MariaDB 10.11.6", "support@db1.example.com:3306/cloud",
                "never a password");
        assertThat(m.contents()).last().asString().contains("HTML", "JSON");
    }

    @Test
    void aFileNameTheOperatorTypedShouldSurviveLeavingThePage() {
        ReportViewModel m = model();
        m.open(CLOUD, Optional.empty());
        m.destinationProperty().set(folder.resolve("ticket-4711.html").toString());
        m.open(CLOUD, Optional.empty());
        assertThat(m.destinationProperty().get()).isEqualTo(folder.resolve("ticket-4711.html").toString());
    }

    @Test
    void theDestinationShouldBeCheckedAsItIsTyped() throws Exception {
        ReportViewModel m = model();
        m.open(CLOUD, Optional.empty());
        m.destinationProperty().set("");
        assertThat(m.destinationError().get()).startsWith("Give the HTML file");
        m.destinationProperty().set(folder.toString());
        assertThat(m.destinationError().get()).startsWith("That is a folder");
        m.destinationProperty().set(folder.resolve("report.txt").toString());
        assertThat(m.destinationError().get()).contains("end the name in .html");
        m.destinationProperty().set(folder.resolve("missing/report.html").toString());
        assertThat(m.destinationError().get()).contains(folder.resolve("missing").toString(), "does not exist");
        assertThat(m.primaryDisabled().get()).isTrue();
        assertThat(m.cliLine().get()).isEmpty();
        m.destinationProperty().set(folder.resolve("report.HTM").toString());
        assertThat(m.destinationError().get()).isEmpty();
        assertThat(ExportedReport.jsonBeside(m.htmlFile())).isEqualTo(folder.resolve("report.json"));
    }

    @Test
    void anExistingFileShouldBeKeptUntilTheOperatorSaysReplace() throws Exception {
        ReportViewModel m = model();
        m.open(CLOUD, Optional.empty());
        Path html = folder.resolve("ticket.html");
        Files.writeString(folder.resolve("ticket.json"), "an earlier report");
        m.destinationProperty().set(html.toString());

        m.primary();

        assertThat(m.replaceQuestionProperty().get()).startsWith("ticket.json already exists in " + folder);
        assertThat(m.primaryDisabled().get()).isTrue();
        assertThat(errors).isEmpty();
        assertThat(log).isEmpty(); // nothing was asked of the engine
        assertThat(Files.readString(folder.resolve("ticket.json"))).isEqualTo("an earlier report");
        assertThat(html).doesNotExist();

        m.keep();
        assertThat(m.replaceQuestionProperty().get()).isEmpty();
        m.primary();
        assertThat(m.replaceQuestionProperty().get()).isNotEmpty();
        m.destinationProperty().set(folder.resolve("other.html").toString());
        assertThat(m.replaceQuestionProperty().get()).as("a new name answers the question").isEmpty();
    }

    @Test
    void replacingShouldAskTheEngineToWriteOverTheFiles() throws Exception {
        ReportViewModel m = model();
        m.open(CLOUD, Optional.empty());
        Path html = Files.writeString(folder.resolve("ticket.html"), "an earlier report");
        m.destinationProperty().set(html.toString());
        m.export();

        m.replace();

        assertThat(m.replaceQuestionProperty().get()).isEmpty();
        assertThat(log).singleElement().asString().isEqualTo("Writing the report to " + html);
        // this service has no database open: the engine refuses, and the banner says so
        assertThat(errors).singleElement().isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThat(m.busyProperty().get()).isFalse();
        assertThat(m.exportedProperty().get()).isNull();
        assertThat(Files.readString(html)).isEqualTo("an earlier report");
    }

    @Test
    void theResultShouldNameBothFilesTheirSizeAndTheGaps() {
        ExportedReport written = new ExportedReport(folder.resolve("r.html"), folder.resolve("r.json"), 20_480,
                List.of("nodes", "checks"));
        assertThat(ReportViewModel.written(written)).isEqualTo("Written: " + folder.resolve("r.html") + " and "
                + folder.resolve("r.json") + " (20 KB). 2 facts this account may not read: nodes, checks."
                + " The report names each with the server's reason.");
        assertThat(ReportViewModel.size(900)).isEqualTo("900 B");
        assertThat(ReportViewModel.size(3 * 1024 * 1024 + 400_000)).isEqualTo("3.4 MB");
    }

    @Test
    void documentsShouldBeTheDefaultFolderWhereItExists() throws Exception {
        assertThat(ReportViewModel.defaultFolder(folder)).isEqualTo(folder);
        Files.createDirectory(folder.resolve("Documents"));
        assertThat(ReportViewModel.defaultFolder(folder)).isEqualTo(folder.resolve("Documents"));
    }
}
