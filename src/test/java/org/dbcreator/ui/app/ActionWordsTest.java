package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.TlsMode;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.OperationKind;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.junit.jupiter.api.Test;

class ActionWordsTest {

    private static final Version V400 = Version.parse("4.0.0");
    private static final Version V430 = Version.parse("4.3.0");
    private static final ConnectedDatabase DB = new ConnectedDatabase("db1", 3306, "cloud", "ops", TlsMode.PREFERRED,
            Optional.empty(), "MariaDB 10.11", Optional.empty(), Optional.empty());

    /** One of every kind of action the engine has; the test below fails when a kind is added and not listed. */
    private static final List<NextAction> EVERY_KIND = List.of(new NextAction.Deploy(V430), new NextAction.Upgrade(V400, V430),
            new NextAction.Resume(OperationKind.UPGRADE, V430, false), new NextAction.Cleanup(V430, false),
            new NextAction.RestartNodes(V430, List.of("ms-1")), new NextAction.WaitForNodes(V430, List.of("ms-1")),
            new NextAction.ExcludeNodes(List.of("ms-1", "ms-2")), new NextAction.TakeBackup(),
            new NextAction.UpgradeWithBackup(V430), new NextAction.UpgradeWithoutBackup(V430),
            new NextAction.RestoreTest("/b/cloud.sql.gz"), new NextAction.SkipRestoreTest(),
            new NextAction.RestoreReplacing("cloud"), new NextAction.ReadLint(), new NextAction.Grant(Set.of("SELECT", "ALTER"), "cloud"),
            new NextAction.WaitForLock("ops@host"), new NextAction.EndTransactions(List.of(42L)),
            new NextAction.RestoreReleasedScripts(List.of("4.1.0/expand.sql")), new NextAction.UseMatchingRelease(V430),
            new NextAction.UseCatalogOf("other"), new NextAction.ChooseTarget(V430), new NextAction.DeployElsewhere(),
            new NextAction.Nothing(V430), new NextAction.Rollback(V400),
            new NextAction.RollbackExcluding(V400, List.of("ms-3")),
            new NextAction.RestoreBackupInstead("cloud", "/b/cloud.sql.gz", java.time.Duration.ofMinutes(95)));

    @Test
    void everyKindOfActionShouldHaveWordsWithoutCommandLineFlags() {
        assertThat(EVERY_KIND.stream().map(a -> a.getClass().getName()).toList()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(NextAction.class.getPermittedSubclasses()).map(Class::getName).toList());
        for (NextAction action : EVERY_KIND) {
            assertThat(ActionWords.text(action)).as(action.toString()).isNotBlank().doesNotContain("--", "{");
        }
    }

    @Test
    void aRunOfTheToolShouldCarryItsCommandWithTheConnection() {
        assertThat(ActionWords.command(new NextAction.Upgrade(V400, V430), DB)).contains(
                "dbcreator upgrade --host db1 --port 3306 --database cloud --user ops --password-prompt --target 4.3.0");
        assertThat(ActionWords.command(new NextAction.Resume(OperationKind.CLEANUP, V430, false), DB))
                .hasValueSatisfying(c -> assertThat(c).startsWith("dbcreator cleanup --host db1").doesNotContain("--target"));
        assertThat(ActionWords.command(new NextAction.ExcludeNodes(List.of("ms-1", "ms-2")), DB)).hasValueSatisfying(c ->
                assertThat(c).endsWith("--exclude-node ms-1 --exclude-node ms-2 --confirm-exclusion"));
        assertThat(ActionWords.text(new NextAction.Resume(OperationKind.UPGRADE, V430, true)))
                .isEqualTo("The server refused a statement of the unfinished expand to 4.3.0: fix the cause it named, then resume.");
    }

    @Test
    void aStepOutsideTheToolShouldHaveNoCommand() {
        assertThat(ActionWords.command(new NextAction.Grant(Set.of("ALTER"), "cloud"), DB)).isEmpty();
        assertThat(ActionWords.command(new NextAction.RestartNodes(V430, List.of("ms-1")), DB)).isEmpty();
        assertThat(ActionWords.text(new NextAction.Grant(Set.of("SELECT", "ALTER"), "cloud")))
                .isEqualTo("Grant ALTER, SELECT on `cloud`.* to the user.");
    }

    @Test
    void aFailureWithATypedFixShouldShowTheFixInTheBanner() {
        ErrorReport report = ErrorReport.of(new DbCreatorException(ErrorCode.LOCK_HELD, "ops@host holds the lock.",
                List.of(new NextAction.WaitForLock("ops@host"))), Optional.empty());
        assertThat(report.advice()).isEqualTo("Wait until ops@host has finished.");
    }
}
