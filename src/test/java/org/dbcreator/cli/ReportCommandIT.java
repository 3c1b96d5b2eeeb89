package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.report.Html;
import org.dbcreator.report.HtmlMarkup;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbcreator report} as support staff run it: with a SELECT-only account against an expanded
 * database whose node registry and history hold hostile text, every fact in the report is what
 * the server says, and the HTML shows that text escaped.
 */
@ExtendWith(TestDatabaseExtension.class)
class ReportCommandIT {

    private static final List<String> HOSTILE_NODES = List.of("<script>alert(1)</script>",
            "\"><img src=x onerror=alert(2)>", "R&D node & co");
    private static final String HOSTILE_INSTALLER = "</td><script>alert(3)</script>";

    @TempDir
    Path folder;

    private TestDatabase db;
    private ConnectionSettings reader;

    @BeforeEach
    void anExpandedDatabaseWithHostileRows(TestDatabase db) throws Exception {
        this.db = db;
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0").exitCode()).isZero();
        assertThat(DbCreatorCli.run(db.admin(), "upgrade", "--skip-backup").exitCode()).isZero();
        try (Connection c = db.server().adminConnection()) {
            c.setCatalog(db.name());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mshost (name, version, state, last_update, created)"
                    + " VALUES (?, '4.0.0', 'Up', NOW(3), NOW())")) {
                for (String name : HOSTILE_NODES) {
                    ps.setString(1, name);
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
    }

    @Test
    void reportShouldStateWhatTheServerSays() throws Exception {
        Path file = folder.resolve("report.html");

        DbCreatorCli.Result result = DbCreatorCli.run(reader, "report", "--to", file.toString(), "--json");

        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.path("gaps")).as(result.out()).isEmpty();
        assertThat(json.path("connection").asText()).isEqualTo(reader.describe());
        List<String> state = db.rows("SELECT phase, schema_version, target_version, lowest_release, highest_release"
                + " FROM dbcreator_state WHERE id = 1");
        assertThat(json.path("phase").asText() + " | " + json.path("schemaVersion").asText() + " | "
                + json.path("phaseTarget").asText() + " | " + json.path("lowestRelease").asText() + " | "
                + json.path("highestRelease").asText()).isEqualTo(state.get(0));
        assertThat(texts(json.path("history"), "script"))
                .isEqualTo(db.rows("SELECT script FROM dbcreator_history ORDER BY id"));
        assertThat(texts(json.path("history"), "installedBy"))
                .isEqualTo(db.rows("SELECT installed_by FROM dbcreator_history ORDER BY id")).contains(HOSTILE_INSTALLER);
        assertThat(texts(json.path("nodes").path("nodes"), "name"))
                .containsExactlyInAnyOrderElementsOf(db.rows("SELECT name FROM mshost")).containsAll(HOSTILE_NODES);
        assertThat(json.path("lastRun").path("runId").asText())
                .isEqualTo(db.rows("SELECT run_id FROM dbcreator_journal ORDER BY started_at DESC LIMIT 1").get(0));
        assertThat(json.path("lastRun").path("journal")).hasSize((int) db.number("SELECT COUNT(*) FROM dbcreator_journal"
                + " WHERE run_id = (SELECT run_id FROM dbcreator_journal ORDER BY started_at DESC LIMIT 1)"));
        assertThat(texts(json.path("backups"), "kind")).isEqualTo(db.rows("SELECT kind FROM dbcreator_backup"
                + " ORDER BY finished_at DESC, id DESC")).containsExactly("SKIPPED");
        assertThat(json.path("lock").path("held").asBoolean(true)).isFalse();
        assertThat(json.path("toolVersion").asText()).isNotBlank();
        assertThat(json.path("serverVersion").asText())
                .isEqualTo(db.rows("SELECT VERSION()").get(0));
    }

    @Test
    void htmlShouldBeSelfContainedWithTheHostileTextEscapedAndNoPassword() throws Exception {
        Path file = folder.resolve("report.html");

        DbCreatorCli.Result result = DbCreatorCli.run(reader, "report", "--to", file.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Report written to " + file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html.toLowerCase()).doesNotContain("<script", "<img", "http:", "https:");
        assertThat(HtmlMarkup.foreign(html)).as("tags and attributes the report does not write itself").isEmpty();
        for (String name : HOSTILE_NODES) {
            assertThat(html).doesNotContain(name).contains("<td>" + Html.escape(name) + "</td>");
        }
        assertThat(html).contains(Html.escape(HOSTILE_INSTALLER), reader.describe(), db.name())
                .doesNotContain(reader.password().reveal());
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactly("report.html");
        }
    }

    @Test
    void reportShouldNameTheHolderOfTheOperatorLock() throws Exception {
        String holder = "<b>ops</b> on build-7";
        try (Connection c = db.server().adminConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT GET_LOCK('dbcreator." + db.name() + "', 0)")) {
                assertThat(rs.next() && rs.getInt(1) == 1).isTrue();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO `" + db.name() + "`.dbcreator_lock (id, connection_id, holder,"
                    + " operation, since, heartbeat) VALUES (1, CONNECTION_ID(), ?, 'upgrade', NOW(3), NOW(3))")) {
                ps.setString(1, holder);
                ps.executeUpdate();
            }
            Path file = folder.resolve("locked.html");

            DbCreatorCli.Result result = DbCreatorCli.run(reader, "report", "--to", file.toString(), "--json");

            assertThat(result.exitCode()).as(result.all()).isZero();
            JsonNode lock = new ObjectMapper().readTree(result.out()).path("lock");
            assertThat(lock.path("held").asBoolean()).isTrue();
            assertThat(lock.path("holder").asText()).startsWith(holder + ", running upgrade since");
            assertThat(Files.readString(file)).contains("held by " + Html.escape(holder)).doesNotContain(holder);
        }
    }

    @Test
    void aFactTheAccountMayNotReadShouldBeAGapOfTheReport() throws Exception {
        ConnectionSettings toolTablesOnly = db.createUser("");
        for (String table : db.rows("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME LIKE 'dbcreator\\_%'")) {
            for (String host : List.of("localhost", "%")) {
                db.execute("GRANT SELECT ON `" + db.name() + "`.`" + table + "` TO '" + toolTablesOnly.user() + "'@'" + host + "'");
            }
        }
        Path file = folder.resolve("partial.html");

        DbCreatorCli.Result result = DbCreatorCli.run(toolTablesOnly, "report", "--to", file.toString(), "--json");

        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(texts(json.path("gaps"), "fact")).as(result.out()).containsExactly("checks", "nodes");
        assertThat(texts(json.path("gaps"), "reason")).allMatch(reason -> reason.contains("mshost"));
        assertThat(json.path("nodes").isNull()).isTrue();
        assertThat(json.path("checks").isNull()).isTrue();
        assertThat(json.path("phase").asText()).isEqualTo(db.rows("SELECT phase FROM dbcreator_state").get(0));
        assertThat(texts(json.path("history"), "script"))
                .isEqualTo(db.rows("SELECT script FROM dbcreator_history ORDER BY id"));
        assertThat(Files.readString(file)).contains("Not readable with this account", "nodes: ");
    }

    @Test
    void reportOfAnAbsentDatabaseShouldSaySoWithoutGaps() throws Exception {
        ConnectionSettings absent = db.admin().withDatabase(db.name() + "_absent");

        DbCreatorCli.Result result = DbCreatorCli.run(absent, "report", "--to", folder.resolve("absent.html").toString(),
                "--json");

        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.path("condition").asText()).isEqualTo("ABSENT");
        assertThat(json.path("gaps")).as(result.out()).isEmpty();
        assertThat(json.path("lastRun").path("journal")).isEmpty();
        assertThat(db.number("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + db.name()
                + "_absent'")).as("the report created nothing").isZero();
    }

    @Test
    void anExistingFileShouldBeKeptUnlessForced() throws Exception {
        Path file = folder.resolve("report.html");
        Files.writeString(file, "an earlier report");

        DbCreatorCli.Result refused = DbCreatorCli.run(reader, "report", "--to", file.toString());

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(ErrorCode.INVALID_ARGUMENT.exitCode());
        assertThat(refused.err()).contains("exists", "--force");
        assertThat(Files.readString(file)).isEqualTo("an earlier report");

        DbCreatorCli.Result forced = DbCreatorCli.run(reader, "report", "--to", file.toString(), "--force");

        assertThat(forced.exitCode()).as(forced.all()).isZero();
        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>");
    }

    private static List<String> texts(JsonNode array, String key) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.path(key).asText()));
        return values;
    }
}
