package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestCatalogs;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The commands as an operator runs them: what they print and the exit codes scripts branch on. */
@ExtendWith(TestDatabaseExtension.class)
class CommandsIT {

    @Test
    void deployShouldPrintOneLinePerScriptAndTheOutcome(TestDatabase db) {
        DbCreatorCli.Result result = DbCreatorCli.run(db.admin(), "deploy");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("[1/10] baseline 4.0.0/create-schema.sql", "[3/10] migration org.dbcreator.demo.BackfillHostUuid",
                "[10/10] cleanup 4.3.0/cleanup.sql", "DEPLOYED: " + db.name() + " at 4.3.0");
        assertThat(DbCreatorCli.run(db.admin(), "deploy").out()).contains("already at 4.3.0: nothing to do", "NOTHING_TO_DO");
    }

    @Test
    void deployDryRunShouldPrintChecksAndStatementsAndCreateNothing(TestDatabase db) throws Exception {
        DbCreatorCli.Result result = DbCreatorCli.run(db.admin(), "deploy", "--dry-run");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Dry run of the deploy of 4.3.0", "Checks before the deploy:", "Database state",
                "baseline 4.0.0/create-schema.sql", "CREATE TABLE mshost");
        assertThat(Footprint.of(db).exists()).as("no database created").isFalse();
    }

    @Test
    void probeShouldPrintEveryLayerAndJsonForScripts(TestDatabase db) throws Exception {
        DbCreatorCli.Result text = DbCreatorCli.run(db.admin(), "probe");
        DbCreatorCli.Result json = DbCreatorCli.run(db.admin(), "probe", "--json");

        assertThat(text.exitCode()).as(text.all()).isZero();
        assertThat(text.out()).contains("REACHABLE", "TLS", "AUTHENTICATED", "SERVER_RELEASE", "DATABASE", "PRIVILEGES",
                "deploy   allowed");
        assertThat(json.exitCode()).as(json.all()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.path("layers")).hasSize(6);
        assertThat(report.path("layers").get(4).path("code").asText()).isEqualTo("DATABASE_NOT_FOUND");
        assertThat(report.path("operations")).hasSize(6);
    }

    @Test
    void probeOfAWrongPasswordShouldExitWithTheAuthenticationCode(TestDatabase db) {
        DbCreatorCli.Result result = DbCreatorCli.run(db.admin().withUser(db.admin().user(),
                org.dbcreator.db.Secret.of("wrong-password")), "probe");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED.exitCode());
        assertThat(result.out()).containsPattern("FAILED +AUTHENTICATED");
    }

    @Test
    void jsonStatusShouldCarryTheStateForScripts(TestDatabase db) throws Exception {
        assertThat(DbCreatorCli.run(db.admin(), "deploy").exitCode()).isZero();

        DbCreatorCli.Result result = DbCreatorCli.run(db.admin(), "status", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.path("condition").asText()).isEqualTo("MANAGED");
        assertThat(json.path("schemaVersion").asText()).isEqualTo("4.3.0");
        assertThat(json.path("phase").asText()).isEqualTo("CLEAN");
        assertThat(json.path("lowestRelease").asText()).isEqualTo("4.3.0");
        assertThat(json.path("plannedSteps")).isEmpty();
        assertThat(json.path("history")).hasSize(10);
        assertThat(json.path("history").get(2).path("kind").asText()).isEqualTo("MIGRATION");
        assertThat(result.err()).isEmpty();
    }

    /** With --json, standard output holds one JSON document (the result or the error), and progress goes to stderr. */
    @Test
    void jsonVerbsShouldPrintOnlyJsonOnStandardOutput(TestDatabase db) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        DbCreatorCli.Result deploy = DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0", "--json");
        assertThat(deploy.exitCode()).as(deploy.all()).isZero();
        JsonNode deployed = mapper.readTree(deploy.out());
        assertThat(deployed.path("outcome").asText()).isEqualTo("DEPLOYED");
        assertThat(deployed.path("to").asText()).isEqualTo("4.0.0");
        assertThat(deploy.err()).contains("[1/1] baseline 4.0.0/create-schema.sql");

        DbCreatorCli.Result refused = DbCreatorCli.run(db.admin(), "upgrade", "--json");
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(75);
        JsonNode error = mapper.readTree(refused.out()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("BACKUP_REQUIRED");
        assertThat(error.path("exitCode").asInt()).isEqualTo(75);
        assertThat(error.path("fix").get(0).path("action").asText()).isEqualTo("UPGRADE_WITH_BACKUP");
        assertThat(error.path("fix").get(0).path("command").asText()).contains("--backup-to DIR",
                "--host " + db.admin().host(), "--database " + db.name());

        DbCreatorCli.Result upgrade = DbCreatorCli.run(db.admin(), "upgrade", "--skip-backup", "--json");
        assertThat(upgrade.exitCode()).as(upgrade.all()).isZero();
        JsonNode upgraded = mapper.readTree(upgrade.out());
        assertThat(upgraded.path("operation").asText()).isEqualTo("upgrade");
        assertThat(upgraded.path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(upgraded.path("from").asText() + " -> " + upgraded.path("to").asText()).isEqualTo("4.0.0 -> 4.3.0");
        assertThat(upgrade.err()).contains("Checks before the upgrade", "4.1.0/expand.sql");
        assertThat(db.rows("SELECT phase, target_version FROM dbcreator_state")).containsExactly("EXPANDED | 4.3.0");

        JsonNode status = mapper.readTree(DbCreatorCli.run(db.admin(), "status", "--json").out());
        assertThat(status.path("phase").asText()).isEqualTo("EXPANDED");
        assertThat(status.path("nextAction").path("action").asText()).isEqualTo("CLEANUP");
        assertThat(status.path("checks").path("operation").asText()).isEqualTo("cleanup");

        DbCreatorCli.Result cleanup = DbCreatorCli.run(db.admin(), "cleanup", "--json");
        assertThat(cleanup.exitCode()).as(cleanup.all()).isZero();
        assertThat(mapper.readTree(cleanup.out()).path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(db.rows("SELECT phase, target_version FROM dbcreator_state")).containsExactly("CLEAN | 4.3.0");
    }

    @Test
    void statusNextStepShouldRunAsPrintedAgainstTheSameDatabase(TestDatabase db) {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0").exitCode()).isZero();
        String status = DbCreatorCli.run(db.admin(), "status").out();
        Matcher next = Pattern.compile("^Next .*: dbcreator (upgrade .*)$", Pattern.MULTILINE).matcher(status);
        assertThat(next.find()).as(status).isTrue();
        assertThat(next.group(1)).contains("--host " + db.admin().host(), "--port " + db.admin().port(),
                "--user " + db.admin().user(), "--database " + db.name());

        List<String> printed = new ArrayList<>(List.of(next.group(1).split(" ")));
        printed.add("--skip-backup");
        DbCreatorCli.Result upgrade = DbCreatorCli.run(DbCreatorCli.passwordEnv(db.admin()), printed.toArray(String[]::new));

        assertThat(upgrade.exitCode()).as(upgrade.all()).isZero();
        assertThat(DbCreatorCli.run(db.admin(), "status").out()).containsPattern("State +MANAGED, EXPANDED at 4.0.0 -> 4.3.0");
    }

    @Test
    void failingStatementShouldNameFileAndLineAndResumeOnceFixed(TestDatabase db, @TempDir Path temp)
            throws Exception {
        Path catalog = TestCatalogs.copyOfBundled(temp);
        Path expand = catalog.resolve("4.1.0/expand.sql");
        String original = Files.readString(expand);
        Files.writeString(expand, original.replace("CREATE INDEX ix_host_uuid ON host (uuid)",
                "CREATE INDEX ix_host_uuid ON host (no_such_column)"));

        DbCreatorCli.Result failed = DbCreatorCli.run(db.admin(), "deploy", "--catalog", catalog.toString());

        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(66);
        assertThat(failed.err()).contains("STATEMENT_FAILED", "4.1.0/expand.sql:" + lineOf(original, "CREATE INDEX"), "no_such_column");
        assertThat(DbCreatorCli.run(db.admin(), "status", "--catalog", catalog.toString()).out())
                .contains("DEPLOYING", "Interrupted", "4.1.0/expand.sql");

        Files.writeString(expand, original);
        DbCreatorCli.Result resumed = DbCreatorCli.run(db.admin(), "deploy", "--catalog", catalog.toString());

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains("Resuming the interrupted deploy", "already applied", "RESUMED");
    }

    @Test
    void dryRunThatWouldBeRefusedShouldExitWithTheRefusalsCodeAfterThePlan(TestDatabase db) {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0").exitCode()).isZero();

        // No backup is recorded: the real upgrade would be refused with BACKUP_REQUIRED (75)
        DbCreatorCli.Result upgrade = DbCreatorCli.run(db.admin(), "upgrade", "--dry-run");
        assertThat(upgrade.exitCode()).as(upgrade.all()).isEqualTo(75);
        assertThat(upgrade.out()).contains("4.1.0/expand.sql");
        assertThat(upgrade.err()).contains("BACKUP_REQUIRED", "would be refused");

        // Nothing is expanded: a cleanup has nothing to do (0), and says the next step is an upgrade
        DbCreatorCli.Result cleanup = DbCreatorCli.run(db.admin(), "cleanup", "--dry-run");
        assertThat(cleanup.exitCode()).as(cleanup.all()).isZero();
        assertThat(cleanup.out()).contains("Nothing to clean up", "next step is an upgrade", "Nothing to apply");

        DbCreatorCli.Result allowed = DbCreatorCli.run(db.admin(), "upgrade", "--dry-run", "--skip-backup");
        assertThat(allowed.exitCode()).as(allowed.all()).isZero();
        assertThat(backupRows(db)).isZero(); // a dry run writes nothing, not even the skip
    }

    @Test
    void cleanupOfADatabaseCleanAtTheLatestReleaseShouldBeNothingToDo(TestDatabase db) throws java.sql.SQLException {
        assertThat(DbCreatorCli.run(db.admin(), "deploy").exitCode()).isZero();
        List<String> historyBefore = db.rows("SELECT * FROM dbcreator_history ORDER BY 1");

        DbCreatorCli.Result cleanup = DbCreatorCli.run(db.admin(), "cleanup");

        assertThat(cleanup.exitCode()).as(cleanup.all()).isZero();
        assertThat(cleanup.out()).contains("Nothing to clean up: the database is clean at", "NOTHING_TO_DO")
                .doesNotContain("dbcreator upgrade");
        assertThat(db.rows("SELECT * FROM dbcreator_history ORDER BY 1")).isEqualTo(historyBefore);
        assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly("CLEAN");
    }

    private static long backupRows(TestDatabase db) {
        try {
            return db.number("SELECT COUNT(*) FROM dbcreator_backup");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int lineOf(String text, String fragment) {
        return text.substring(0, text.indexOf(fragment)).split("\n", -1).length;
    }
}
