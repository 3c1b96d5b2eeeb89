package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.OperationKind;
import org.dbcreator.testing.Golden;
import org.junit.jupiter.api.Test;

/** Every action the engine can suggest, as the command line prints it and as its JSON carries it. */
class ActionRenderingTest {

    private static final Version V400 = Version.parse("4.0.0");
    private static final Version V430 = Version.parse("4.3.0");

    static List<NextAction> everyAction() {
        return List.of(new NextAction.Deploy(V430), new NextAction.Upgrade(V400, V430),
                new NextAction.Resume(OperationKind.UPGRADE, V430, false),
                new NextAction.Resume(OperationKind.DEPLOY, V430, true),
                new NextAction.Resume(OperationKind.CLEANUP, V430, false),
                new NextAction.Cleanup(V430, false), new NextAction.Cleanup(V430, true),
                new NextAction.RestartNodes(V430, List.of("ms-1", "ms-2")),
                new NextAction.WaitForNodes(V430, List.of("ms-1", "ms-2")), new NextAction.ExcludeNodes(List.of("ms-2")),
                new NextAction.TakeBackup(), new NextAction.UpgradeWithBackup(V430),
                new NextAction.UpgradeWithoutBackup(V430), new NextAction.RestoreTest("/backups/cloud-4.0.0.sql.gz"),
                new NextAction.SkipRestoreTest(), new NextAction.RestoreReplacing("cloud"), new NextAction.ReadLint(),
                new NextAction.Grant(Set.of("DROP", "ALTER"), "cloud"), new NextAction.Grant(Set.of("PROCESS"), "*"),
                new NextAction.WaitForLock("ops@% (ops on build-7), upgrade since 10:15"),
                new NextAction.EndTransactions(List.of(42L, 43L)),
                new NextAction.RestoreReleasedScripts(List.of("/srv/catalog/4.1.0/expand.sql")),
                new NextAction.UseMatchingRelease(Version.parse("5.0.0")), new NextAction.UseCatalogOf("otherproduct"),
                new NextAction.ChooseTarget(V430), new NextAction.DeployElsewhere(), new NextAction.Nothing(V430),
                new NextAction.Rollback(V400), new NextAction.Resume(OperationKind.ROLLBACK, V400, false),
                new NextAction.RollbackExcluding(V400, List.of("ms-3")),
                new NextAction.RestoreBackupInstead("cloud", "/backups/cloud-4.0.0.sql.gz", java.time.Duration.ofMinutes(95)));
    }

    static List<NextAction> everyActionWithACommand() {
        return everyAction().stream().filter(a -> ActionRendering.render(a, NextSteps.none()).command() != null).toList();
    }

    @Test
    void theListShouldHoldEveryKindOfAction() {
        assertThat(everyAction().stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(NextAction.class.getPermittedSubclasses()));
    }

    @Test
    void everyRunOfTheToolShouldBeACommand() {
        assertThat(everyActionWithACommand()).hasSize(18);
    }

    @Test
    void textShouldMatchTheGoldenFile() {
        String text = everyAction().stream().map(a -> ActionRendering.text(a, NextSteps.none()) + "\n")
                .collect(Collectors.joining());
        Golden.assertMatches("reports/actions.txt", text);
    }

    @Test
    void jsonShouldMatchTheGoldenFile() {
        List<Map<String, Object>> json = everyAction().stream().map(a -> ActionRendering.json(a, NextSteps.none())).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("actions", json);
        Golden.assertMatches("reports/actions.json", JsonOutput.of(m) + "\n");
    }
}
