package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dbcreator.embedded.EmbeddedServer;
import org.dbcreator.embedded.ServerBinaries;
import org.dbcreator.embedded.UserFolders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator's path: {@code dbcreator demo} in a DBCREATOR_HOME of each test's own (sharing the
 * unpacked server binaries, which are the same for everyone), then the other commands through the
 * profile it prints.
 */
class DemoCommandIT {

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
    void firstRunShouldCreateTheAccountAndAProfileThatStatusUses() throws Exception {
        try (DbCreatorCli.Background demo = DbCreatorCli.inBackground(env, "demo", "--sample-rows", "0")) {
            String printed = demo.awaitWaiting(START);

            assertThat(printed).contains("[1/1] baseline 4.0.0/create-schema.sql", "MANAGED, CLEAN at 4.0.0",
                    "user      democloud", "database  cloud", "Ctrl-C");
            Path profile = Path.of(printedAfter(printed, "dbcreator status --profile "));
            assertThat(profile).isEqualTo(demoFolder.resolve("demo.properties"));
            Path passwordFile = demoFolder.resolve("democloud.password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            String password = Files.readString(passwordFile).strip();
            assertThat(printedAfter(printed, "password  ")).startsWith(password + " ").contains(passwordFile.toString());
            assertThat(Files.readString(profile)).doesNotContain(password);

            assertThat(printedAfter(printed, "Next")).endsWith(": dbcreator upgrade --profile " + profile
                    + " --database cloud --target 4.3.0");
            DbCreatorCli.Result status = DbCreatorCli.run(Map.of(), "status", "--profile", profile.toString());

            assertThat(status.exitCode()).as(status.all()).isZero();
            assertThat(status.out()).contains("Database      cloud", "MANAGED, CLEAN at 4.0.0");
            assertThat(status.all()).doesNotContain(password);
            String verified = printedAfter(printed, "tls       to verify the server, add ");
            List<String> statusVerified = new ArrayList<>(List.of("status", "--profile", profile.toString()));
            statusVerified.addAll(List.of(verified.split(" ")));
            DbCreatorCli.Result overTls = DbCreatorCli.run(Map.of(), statusVerified.toArray(String[]::new));
            assertThat(overTls.exitCode()).as(overTls.all()).isZero();
            int port = Integer.parseInt(printedAfter(printed, "port      "));
            try (Connection c = connect(port, "democloud", password); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE cloud.evaluator_notes (id INT PRIMARY KEY)");
                assertThatThrownBy(() -> s.execute("CREATE DATABASE elsewhere")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("Access denied");
            }

            DbCreatorCli.Result stopped = demo.stop();

            assertThat(stopped.exitCode()).as(stopped.all()).isZero();
            assertThat(demoFolder.resolve("mariadbd.pid")).as("the server stopped cleanly").doesNotExist();
            assertThat(Files.readString(Path.of("target/test-logs/tests.log"))).doesNotContain(password);
        }
    }

    @Test
    void nodesShouldRunBesideTheServerAndReportWhenStopped() throws Exception {
        assertThat(DbCreatorCli.run(env, "demo", "--nodes", "2", "--no-wait").exitCode()).isEqualTo(40);
        try (DbCreatorCli.Background demo = DbCreatorCli.inBackground(env, "demo", "--sample-rows", "100", "--nodes", "2")) {
            String printed = demo.awaitWaiting(START);
            assertThat(printed).contains("2 demo nodes of release 4.0.0 run: demo-node-1 to demo-node-2");
            String profile = printedAfter(printed, "dbcreator nodes --profile ");

            DbCreatorCli.Result nodes = DbCreatorCli.run(Map.of(), "nodes", "--profile", profile);

            assertThat(nodes.exitCode()).as(nodes.all()).isEqualTo(80); // two 4.0.0 nodes block a cleanup to 4.3.0
            assertThat(nodes.out()).containsPattern("demo-node-1 +4\\.0\\.0 +Up .* live ")
                    .containsPattern("demo-node-2 +4\\.0\\.0 +Up .* live ");

            DbCreatorCli.Result stopped = demo.stop();

            assertThat(stopped.exitCode()).as(stopped.all()).isZero();
            JsonNode reports = new ObjectMapper().readTree(stopped.out().substring(stopped.out().lastIndexOf("\n[") + 1));
            assertThat(reports).hasSize(2);
            reports.forEach(report -> {
                assertThat(report.path("ending").asText()).isEqualTo("stopped");
                assertThat(report.path("errors").asLong()).as(report.toString()).isZero();
            });
        }
    }

    @Test
    void secondRunShouldReuseDataPortAndPassword() {
        DbCreatorCli.Result first = DbCreatorCli.run(env, "demo", "--no-wait", "--sample-rows", "0");
        DbCreatorCli.Result second = DbCreatorCli.run(env, "demo", "--no-wait", "--sample-rows", "0");

        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("Database 'cloud' is already at 4.0.0: nothing to do.")
                .doesNotContain("baseline 4.0.0/create-schema.sql (");
        assertThat(printedAfter(second.out(), "port      ")).isEqualTo(printedAfter(first.out(), "port      "));
        assertThat(printedAfter(second.out(), "password  ")).isEqualTo(printedAfter(first.out(), "password  "));
    }

    @Test
    void resetShouldStartOverWithNewDataAndPassword() {
        DbCreatorCli.Result first = DbCreatorCli.run(env, "demo", "--no-wait", "--sample-rows", "0");
        DbCreatorCli.Result reset = DbCreatorCli.run(env, "demo", "--no-wait", "--sample-rows", "0", "--reset");

        assertThat(reset.exitCode()).as(reset.all()).isZero();
        assertThat(reset.out()).contains("Deleted the demo's data in " + demoFolder, "[1/1] baseline 4.0.0/create-schema.sql");
        assertThat(printedAfter(reset.out(), "password  ")).isNotEqualTo(printedAfter(first.out(), "password  "));
        assertThat(printedAfter(reset.out(), "port      ")).isEqualTo(printedAfter(first.out(), "port      "));
    }

    @Test
    void secondDemoOnTheSameFolderShouldBeRefusedAtOnceAndChangeNothing() throws Exception {
        try (DbCreatorCli.Background demo = DbCreatorCli.inBackground(env, "demo", "--sample-rows", "0")) {
            String printed = demo.awaitWaiting(START);
            String port = printedAfter(printed, "port      ");
            long pid = Long.parseLong(Files.readString(demoFolder.resolve("mariadbd.pid")).strip());

            DbCreatorCli.Result second = DbCreatorCli.run(env, "demo", "--no-wait", "--reset");

            assertThat(second.exitCode()).as(second.all()).isEqualTo(71);
            assertThat(second.err()).contains("error DEMO_ALREADY_RUNNING: A demo server is already running on port "
                    + port + " (pid " + pid + ")", "stop it with Ctrl-C in the terminal of its 'dbcreator demo', or close the"
                    + " wizard window that started it");
            assertThat(second.out()).doesNotContain("Starting");
            DbCreatorCli.Result status = DbCreatorCli.run(Map.of(), "status", "--profile",
                    demoFolder.resolve("demo.properties").toString());
            assertThat(status.out()).as(status.all()).contains("MANAGED, CLEAN at 4.0.0");
        }
    }

    @Test
    void serverLeftRunningByAKilledDemoShouldBeFoundByItsPidFile() throws Exception {
        try (EmbeddedServer orphan = EmbeddedServer.inFolder(demoFolder, UserFolders.from(env), List.of()).start(0)) {
            long pid = Long.parseLong(Files.readString(demoFolder.resolve("mariadbd.pid")).strip());

            DbCreatorCli.Result demo = DbCreatorCli.run(env, "demo", "--no-wait", "--sample-rows", "0");

            assertThat(demo.exitCode()).as(demo.all()).isEqualTo(71);
            assertThat(demo.err()).contains("A demo server is still running", "(pid " + pid + ")", "kill " + pid);
            assertThat(orphan.isRunning()).isTrue();
        }
    }

    private static String printedAfter(String printed, String label) {
        Matcher m = Pattern.compile("^ *" + Pattern.quote(label) + "(.*)$", Pattern.MULTILINE).matcher(printed);
        assertThat(m.find()).as("a line with '" + label + "' in:\n" + printed).isTrue();
        return m.group(1).strip();
    }

    private static Connection connect(int port, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("sslMode", "DISABLED");
        p.setProperty("allowPublicKeyRetrieval", "true");
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", p);
    }
}
