package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.NextAction;
import picocli.CommandLine;

/** A printed next step carries the operator's connection and runs as printed. */
class NextStepsTest {

    private static final Map<String, String> GIVEN = given("--host", "db.example", "--port", "3307", "--user", "ops",
            "--password-env", "OPS_PW", "--database", "cloud");

    private final CommandLine root = CommandTree.full(context(Map.of()));

    @Test
    void commandShouldCarryTheConnectionTheOperatorGave() {
        assertThat(steps(Map.of(), GIVEN).command("upgrade", "--target", "4.3.0")).isEqualTo("dbcreator upgrade"
                + " --host db.example --port 3307 --user ops --password-env OPS_PW --database cloud --target 4.3.0");
    }

    @Test
    void actionShouldNameTheReportsDatabaseWhenTheOperatorGaveNone() {
        NextSteps steps = steps(Map.of(), given("--profile", "prod")).forDatabase("cloud");
        assertThat(ActionRendering.text(new NextAction.Deploy(Version.parse("4.1.0")), steps))
                .isEqualTo("Deploy 4.1.0: dbcreator deploy --profile prod --database cloud --target 4.1.0");
    }

    @Test
    void operatorsDatabaseShouldWinOverTheReports() {
        assertThat(steps(Map.of(), GIVEN).forDatabase("other").command("cleanup")).contains("--database cloud")
                .doesNotContain("other");
    }

    @Test
    void verbWithoutConnectionOptionsShouldGetOnlyTheCatalog() {
        assertThat(steps(Map.of(), given("--host", "db.example", "--catalog", "/srv/catalog")).command("lint"))
                .isEqualTo("dbcreator lint --catalog /srv/catalog");
    }

    @Test
    void nestedVerbShouldTakeTheConnectionAfterItsLastWord() {
        assertThat(ActionRendering.text(new NextAction.RestoreTest("F.sql.gz"), steps(Map.of(), given("--profile", "prod"))))
                .isEqualTo("Prove it restorable first: dbcreator backup verify --profile prod F.sql.gz --restore-test");
    }

    @Test
    void toolNameShouldBeTheLaunchersAndValuesQuotedForTheShell() {
        NextSteps steps = steps(Map.of(NextSteps.COMMAND_VARIABLE, "./dbcreator"), given("--profile", "/home/a b/it's.properties"));
        assertThat(steps.command("cleanup", "--exclude-node", "node 1"))
                .isEqualTo("./dbcreator cleanup --profile '/home/a b/it'\\''s.properties' --exclude-node 'node 1'");
    }

    /** Every action with a command, filled in, parses as a command line of the tool: no unknown option, no misplaced one. */
    @ParameterizedTest
    @MethodSource("org.dbcreator.cli.ActionRenderingTest#everyActionWithACommand")
    void everyActionsCommandShouldParse(NextAction action) {
        String command = ActionRendering.render(action, steps(Map.of(), GIVEN)).command();
        List<String> words = new ArrayList<>(List.of(command.split(" ")));
        assertThat(words.remove(0)).isEqualTo("dbcreator");
        assertThatCode(() -> root.parseArgs(words.toArray(String[]::new))).as(command).doesNotThrowAnyException();
        if (words.get(0).equals("lint")) {
            assertThat(words).as(command).doesNotContain("--host"); // the lint reads the catalog only
        } else {
            assertThat(words).as(command).contains("--host", "--password-env");
        }
    }

    private NextSteps steps(Map<String, String> env, Map<String, String> given) {
        return NextSteps.of(context(env), given);
    }

    private static CliContext context(Map<String, String> env) {
        return new CliContext(System.out, System.err, env, Optional.empty());
    }

    private static Map<String, String> given(String... optionsAndValues) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < optionsAndValues.length; i += 2) {
            given.put(optionsAndValues[i], optionsAndValues[i + 1]);
        }
        return given;
    }
}
