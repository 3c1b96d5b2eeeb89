package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wizard's entry points on a machine without a display: help, or one line and exit 2. */
class WizardCommandTest {

    private static final Map<String, String> NO_DISPLAY = Map.of();

    @Test
    void noArgumentsWithoutADisplayShouldPrintTheHelp() {
        DbCreatorCli.Result result = DbCreatorCli.run(NO_DISPLAY);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: dbcreator", "wizard", "status", "Exit codes");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void wizardWithoutADisplayShouldSaySoInOneLineAndPointToTheCommandLine() {
        DbCreatorCli.Result result = DbCreatorCli.run(NO_DISPLAY, "wizard", "--demo");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                .contains("the wizard cannot open", "no display", "dbcreator --help");
    }

    @Test
    void wizardHelpShouldNameItsOptions() {
        DbCreatorCli.Result result = DbCreatorCli.run(NO_DISPLAY, "wizard", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--demo", "--profile");
    }
}
