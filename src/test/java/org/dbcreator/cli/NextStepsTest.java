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
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** A printed next step carries the operator's connection and runs as printed. */
class NextStepsTest {

    private static final Map<String, String> GIVEN = given("--host", "db.example", "--port", "3307", "--user", "ops",
            "--password-env", "OPS_PW", "--database", "cloud");

    private final CommandLine root = new CommandLine(new MainCommand(context(Map.of())));

    @Test
    void suggestedCommandShouldCarryTheConnectionTheOperatorGave() {
        String step = steps(Map.of(), GIVEN).apply("Upgrade from 4.0.0 to 4.3.0 (old nodes keep working): dbcreator upgrade"
                + " --database cloud --target 4.3.0");
        assertThat(step).isEqualTo("Upgrade from 4.0.0 to 4.3.0 (old nodes keep working): dbcreator upgrade"
                + " --host db.example --port 3307 --user ops --password-env OPS_PW --database cloud --target 4.3.0");
    }

    @Test
    void suggestedCommandWithoutADatabaseShouldGetTheOperatorsOne() {
        assertThat(steps(Map.of(), GIVEN).apply("Deploy it first: dbcreator deploy."))
                .isEqualTo("Deploy it first: dbcreator deploy --host db.example --port 3307 --user ops --password-env OPS_PW"
                        + " --database cloud.");
    }

    @Test
    void verbWithoutConnectionOptionsShouldStayAsItIs() {
        assertThat(steps(Map.of(), GIVEN).apply("Fix them ('dbcreator lint' gives each one's fix)."))
                .isEqualTo("Fix them ('dbcreator lint' gives each one's fix).");
    }

    @Test
    void nestedVerbShouldTakeTheConnectionAfterItsLastWord() {
        assertThat(steps(Map.of(), given("--profile", "prod")).apply("Prove it first: dbcreator backup verify F.sql.gz --restore-test"))
                .isEqualTo("Prove it first: dbcreator backup verify --profile prod F.sql.gz --restore-test");
    }

    @Test
    void toolNameShouldBeTheLaunchersAndValuesQuotedForTheShell() {
        NextSteps steps = steps(Map.of(NextSteps.COMMAND_VARIABLE, "./dbcreator"), given("--profile", "/home/a b/it's.properties"));
        assertThat(steps.apply("Resume it: dbcreator cleanup --database cloud"))
                .isEqualTo("Resume it: ./dbcreator cleanup --profile '/home/a b/it'\\''s.properties' --database cloud");
        assertThat(steps.apply("in dbcreator_backup, where it is found")).isEqualTo("in dbcreator_backup, where it is found");
    }

    /** Each suggestion, filled in, parses as a command line of the tool: no unknown option, no misplaced one. */
    @ParameterizedTest
    @ValueSource(strings = {"dbcreator deploy --database cloud --target 4.1.0", "dbcreator upgrade --database cloud",
        "dbcreator cleanup --database cloud", "dbcreator backup verify F.sql.gz --restore-test", "dbcreator nodes",
        "dbcreator status", "dbcreator restore F.sql.gz --into copy --replace", "dbcreator demo-node --release 4.3.0"})
    void filledInSuggestionShouldParse(String suggestion) {
        String step = steps(Map.of(), GIVEN).apply(suggestion);
        List<String> words = new ArrayList<>(List.of(step.split(" ")));
        assertThat(words.remove(0)).isEqualTo("dbcreator");
        assertThatCode(() -> root.parseArgs(words.toArray(String[]::new))).as(step).doesNotThrowAnyException();
        assertThat(words).as(step).contains("--host", "--password-env");
    }

    private NextSteps steps(Map<String, String> env, Map<String, String> given) {
        return NextSteps.of(context(env), root.getCommandSpec(), given);
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
