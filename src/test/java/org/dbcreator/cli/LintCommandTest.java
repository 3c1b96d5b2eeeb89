package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.dbcreator.testing.Golden;
import org.junit.jupiter.api.Test;

/** {@code dbcreator lint}: what it prints for people and scripts, and its exit codes. No server needed. */
class LintCommandTest {

    private static final String FIXTURES = "src/test/resources/lint/";

    private static DbCreatorCli.Result lint(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "lint";
        System.arraycopy(args, 0, all, 1, args.length);
        return DbCreatorCli.run(Map.of(), all);
    }

    @Test
    void findingsShouldBePrintedOneALineAndErrorsExit55() {
        DbCreatorCli.Result result = lint("--catalog", FIXTURES + "several");

        assertThat(result.exitCode()).isEqualTo(55);
        Golden.assertMatches("reports/lint-several.txt", result.out());
        assertThat(result.err()).startsWith("error EXPAND_UNSAFE: The catalog of fixture has 4 expand-safety errors");
    }

    @Test
    void jsonShouldCarryEveryFindingForScripts() throws Exception {
        DbCreatorCli.Result result = lint("--catalog", FIXTURES + "several", "--json");

        assertThat(result.exitCode()).isEqualTo(55);
        Golden.assertMatches("reports/lint-several.json", result.out());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.path("errors").asInt()).isEqualTo(4);
        assertThat(json.path("findings").get(2).path("rule").asText()).isEqualTo("DROP_COLUMN");
    }

    /** A catalog that deploy refuses at load (exit 56) is still linted: its scope problems are findings. */
    @Test
    void catalogThatLeavesItsDatabaseShouldBeLintedNotRefused() {
        DbCreatorCli.Result result = lint("--catalog", FIXTURES + "USE_DATABASE");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(55);
        assertThat(result.out()).contains("1.1.0/expand.sql:2: USE_DATABASE error: USE cloud_audit switches the rest");
    }

    @Test
    void warningsAloneShouldBePrintedAndExitZero() {
        DbCreatorCli.Result result = lint("--catalog", FIXTURES + "MARIADB_ONLY_SYNTAX");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("1.1.0/expand.sql:2: MARIADB_ONLY_SYNTAX warning: ADD COLUMN IF NOT EXISTS",
                "fixture: 0 errors, 1 warning in 3 scripts.");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void bundledCatalogShouldBeClean() {
        DbCreatorCli.Result result = lint();

        assertThat(result.exitCode()).as(result.all()).isZero();
        int scripts = org.dbcreator.catalog.Catalog.bundled().allScripts().size();
        assertThat(result.out()).isEqualTo("democloud: no findings in " + scripts + " scripts.\n");
    }

    @Test
    void missingCatalogShouldBeAManifestError() {
        DbCreatorCli.Result result = lint("--catalog", FIXTURES + "no-such-catalog");

        assertThat(result.exitCode()).isEqualTo(50);
        assertThat(result.err()).contains("MANIFEST_INVALID");
    }
}
