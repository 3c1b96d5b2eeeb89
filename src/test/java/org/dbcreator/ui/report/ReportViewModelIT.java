package org.dbcreator.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.report.Html;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.connect.ConnectViewModel;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.DatabaseStatus;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.ExportedReport;
import org.dbcreator.ui.service.RecentConnection;
import org.dbcreator.ui.status.StatusViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Report page against a real server through the current-thread executor, signed in with a
 * SELECT-only account: an expanded database whose node registry and history hold hostile text is
 * written as HTML (that text escaped) and JSON, neither holding the password, and an existing
 * report is replaced only when the operator says so.
 */
class ReportViewModelIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final List<String> HOSTILE_NODES = List.of("<script>alert(1)</script>",
            "\"><img src=x onerror=alert(2)>", "R&D node & co");
    private static final String HOSTILE_INSTALLER = "</td><script>alert(3)</script>";

    @TempDir
    Path home;

    @TempDir
    Path folder;

    private final TestDatabase db = TestDatabase.unique();
    private final List<Throwable> errors = new ArrayList<>();
    private final List<ConnectedDatabase> connected = new ArrayList<>();
    private final List<DatabaseStatus> read = new ArrayList<>();
    private ConnectionSettings reader;
    private EngineWizardService service;

    private final Navigation navigation = new Navigation() {
        public void showWelcome() { }
        public void showConnect(Journey journey, Optional<RecentConnection> profile) { }
        public void connected(ConnectedDatabase database) { connected.add(database); }
        public void startDemo() { }
        public void showError(Throwable failure) { errors.add(failure); }
        public void log(String line) { }
    };

    @BeforeEach
    void anExpandedDatabaseWithHostileRowsAndAReader() throws Exception {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()));
            engine.upgrade(Optional.empty(), false, BackupPolicy.skip());
        }
        try (Connection c = db.server().adminConnection()) {
            c.setCatalog(db.name());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mshost (name, version, state, last_update, created)"
                    + " VALUES (?, ?, 'Up', NOW(3), NOW())")) {
                for (String name : HOSTILE_NODES) {
                    ps.setString(1, name);
                    ps.setString(2, CATALOG.baselineVersion().toString());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE dbcreator_history SET installed_by = ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, HOSTILE_INSTALLER);
                ps.executeUpdate();
            }
        }
        reader = db.createUser("SELECT");
        service = new EngineWizardService(Map.of("DBCREATOR_HOME", home.toString()), ProgressListener.NONE);
        ConnectViewModel connect = new ConnectViewModel(service, new CurrentThreadExecutor(), navigation, "cloud");
        connect.hostProperty().set(reader.host());
        connect.portProperty().set(String.valueOf(reader.port()));
        connect.databaseProperty().set(reader.database());
        connect.userProperty().set(reader.user());
        connect.passwordProperty().set(reader.password().reveal());
        connect.connect();
        assertThat(errors).isEmpty();
        new StatusViewModel(service, new CurrentThreadExecutor(), navigation, read::add).load(connected.get(0));
        assertThat(errors).isEmpty();
    }

    @AfterEach
    void drop() throws Exception {
        service.close();
        db.close();
    }

    private ReportViewModel reportPage() {
        ReportViewModel page = new ReportViewModel(service, new CurrentThreadExecutor(), navigation, folder,
                Clock.systemDefaultZone());
        page.open(connected.get(0), Optional.of(read.get(0)));
        return page;
    }

    @Test
    void theReportShouldHoldWhatTheServerSaysWithHostileTextEscapedAndNoPassword() throws Exception {
        ReportViewModel page = reportPage();
        assertThat(page.contents()).anySatisfy(line -> assertThat(line).contains(", and the "
                + db.number("SELECT COUNT(*) FROM mshost") + " nodes with release and heartbeat age."));

        page.export();

        assertThat(errors).isEmpty();
        ExportedReport written = page.exportedProperty().get();
        assertThat(written.html()).isEqualTo(page.htmlFile()).startsWith(folder);
        assertThat(written.json()).isEqualTo(folder.resolve(written.html().getFileName().toString().replace(".html", ".json")));
        assertThat(written.gaps()).isEmpty();
        assertThat(written.bytes()).isEqualTo(Files.size(written.html()) + Files.size(written.json()));
        assertThat(page.result().get()).startsWith("Written: " + written.html() + " and " + written.json());
        assertThat(page.openHint().get()).contains(folder.toString());

        String html = Files.readString(written.html(), StandardCharsets.UTF_8);
        String json = Files.readString(written.json(), StandardCharsets.UTF_8);
        for (String file : List.of(html, json)) {
            assertThat(file).doesNotContain(reader.password().reveal());
        }
        for (String name : HOSTILE_NODES) {
            assertThat(html).doesNotContain(name).contains("<td>" + Html.escape(name) + "</td>");
        }
        assertThat(html).doesNotContain(HOSTILE_INSTALLER).contains(Html.escape(HOSTILE_INSTALLER));
        ReportHtml report = ReportHtml.read(written.html());
        assertThat(report.active()).as("nothing that runs or fetches").isEmpty();
        assertThat(report.column("Nodes", "Name")).containsExactlyInAnyOrderElementsOf(db.rows("SELECT name FROM mshost"))
                .containsAll(HOSTILE_NODES);
        assertThat(report.column("History", "Installed by"))
                .isEqualTo(db.rows("SELECT installed_by FROM dbcreator_history ORDER BY id")).contains(HOSTILE_INSTALLER);
        assertThat(report.value("Schema version")).isEqualTo(db.rows("SELECT schema_version FROM dbcreator_state").get(0));
        assertThat(report.value("Connection")).isEqualTo(reader.describe());

        JsonNode facts = new ObjectMapper().readTree(json);
        assertThat(facts.path("connection").asText()).isEqualTo(reader.describe());
        assertThat(facts.path("phase").asText()).isEqualTo(db.rows("SELECT phase FROM dbcreator_state").get(0));
        List<String> nodes = new ArrayList<>();
        facts.path("nodes").path("nodes").forEach(n -> nodes.add(n.path("name").asText()));
        assertThat(nodes).containsExactlyInAnyOrderElementsOf(db.rows("SELECT name FROM mshost"));
        List<String> installers = new ArrayList<>();
        facts.path("history").forEach(h -> installers.add(h.path("installedBy").asText()));
        assertThat(installers).isEqualTo(db.rows("SELECT installed_by FROM dbcreator_history ORDER BY id"));
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder(written.html().getFileName().toString(), written.json().getFileName().toString());
        }
    }

    @Test
    void anExistingReportShouldBeReplacedOnlyWhenTheOperatorSaysSo() throws Exception {
        ReportViewModel page = reportPage();
        Path html = folder.resolve("ticket.html");
        page.destinationProperty().set(html.toString());
        page.export();
        assertThat(errors).isEmpty();
        String first = Files.readString(folder.resolve("ticket.json"));
        Files.writeString(html, "an earlier report");

        page.export();

        assertThat(page.replaceQuestionProperty().get()).startsWith("ticket.html and ticket.json already exist");
        assertThat(Files.readString(html)).isEqualTo("an earlier report");
        assertThat(Files.readString(folder.resolve("ticket.json"))).isEqualTo(first);
        // the engine refuses too, should a caller not ask first
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.exportReport(html, false))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("exists");
        assertThat(Files.readString(html)).isEqualTo("an earlier report");

        page.replace();

        assertThat(errors).isEmpty();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        assertThat(new ObjectMapper().readTree(folder.resolve("ticket.json").toFile()).path("generatedAt").asText())
                .isNotEqualTo(new ObjectMapper().readTree(first).path("generatedAt").asText());
    }
}
