package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
        assertThat(run("demo", "--version", "latest", "--no-wait")).isEqualTo(40);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'latest' is not a version");
    }
}
