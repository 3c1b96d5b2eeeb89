package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Command-line behaviour that needs no server: usage, validation before connecting. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Optional.empty());
        return new Main(context).run(args);
    }

    @Test
    void helpShouldListTheCommandsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("deploy", "status", "demo", "Exit codes");
    }

    @Test
    void unknownOptionShouldBeAUsageError() {
        assertThat(run("status", "--no-such-option")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option");
    }

    @Test
    void invalidDatabaseNameShouldBeRefusedBeforeConnecting() {
        assertThat(run("deploy", "--port", "1", "--database", "cloud;drop")).isEqualTo(40);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("INVALID_IDENTIFIER", "'cloud;drop' is not a valid database name");
    }

    @Test
    void portOutOfRangeShouldBeAnInvalidArgument() {
        assertThat(run("status", "--port", "70000")).isEqualTo(40);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("INVALID_ARGUMENT", "70000");
    }

    @Test
    void missingPasswordVariableShouldSaySo() {
        assertThat(run("status", "--password-env", "NO_SUCH_VARIABLE")).isEqualTo(35);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PASSWORD_UNAVAILABLE", "NO_SUCH_VARIABLE");
    }

    @Test
    void passwordPromptWithoutTerminalShouldSaySo() {
        assertThat(run("status", "-p")).isEqualTo(35);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no terminal");
    }

    @Test
    void malformedVersionShouldBeAnInvalidArgument() {
        assertThat(run("demo", "--target", "latest", "--no-wait")).isEqualTo(40);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'latest' is not a version");
    }

    @ParameterizedTest(name = "{0} --version")
    @CsvSource({"status, --target", "deploy, --target", "upgrade, --target", "nodes, --target", "demo, --target",
        "demo-node, --release"})
    void versionOnAVerbShouldBeAUsageErrorNamingTheNewOption(String verb, String newName) {
        assertThat(run(verb, "--version", "4.1.0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("use " + newName + " VERSION", verb + " --help")
                .doesNotContain("Exception");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void demoShouldKeepRowsAsAHiddenAliasOfSampleRows() {
        assertThat(run("demo", "--rows", "-1", "--no-wait")).isEqualTo(40); // refused before anything starts
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--sample-rows -1 is negative");
        out.reset();
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--sample-rows").doesNotContain("--rows");
    }

    @ParameterizedTest(name = "{0} --connections {1}")
    @CsvSource({"backup, 0", "backup, 1000", "restore, 0", "restore, 17", "verify, 0", "verify, 1000"})
    void connectionsOutOfRangeShouldNameTheRangeWithoutAStackTrace(String command, int connections) {
        String[] args = switch (command) {
            case "backup" -> new String[] {"backup", "--port", "1", "--to", "/nonexistent/never-created", "--connections", "" + connections};
            case "restore" -> new String[] {"restore", "no-such.sql.gz", "--into", "x", "--port", "1", "--connections", "" + connections};
            default -> new String[] {"backup", "verify", "no-such.sql.gz", "--restore-test", "--port", "1", "--connections", "" + connections};
        };
        assertThat(run(args)).isEqualTo(40); // before connecting: port 1 would give 30, the missing file 78
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("INVALID_ARGUMENT", "--connections must be between 1 and 16, not " + connections)
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void negativeSampleRowsShouldBeRefusedBeforeConnecting() {
        assertThat(run("deploy", "--port", "1", "--sample-rows", "-5")).isEqualTo(40);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("INVALID_ARGUMENT", "--sample-rows must be 0 or more, not -5");
    }

    @Test
    void demoNodeRateOfZeroShouldSayWhatIsAllowed() {
        assertThat(run("demo-node", "--release", "4.0.0", "--port", "1", "--rate", "0")).isEqualTo(40);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("must be more than 0 and at most 10000 units of work per second, not 0.")
                .doesNotContain("0.0", "between 0 and");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--password SECRET-7x", "--password=SECRET-7x", "-p SECRET-7x", "-pSECRET-7x",
        "--pwd SECRET-7x", "--no-such x SECRET-7x"})
    void usageErrorShouldNeverPrintAValueBack(String typed) {
        String[] args = ("status --port 1 " + typed).split(" ");
        assertThat(run(args)).isEqualTo(2);
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("SECRET").contains("dbcreator status --help");
        if (typed.startsWith("-p")) {
            assertThat(printed).contains("--password-env VAR, --password-file FILE or --password-prompt");
        }
    }
}
