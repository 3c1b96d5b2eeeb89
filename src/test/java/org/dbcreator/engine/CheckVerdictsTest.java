package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbcreator.engine.NextActionsTest.PRODUCT;
import static org.dbcreator.engine.NextActionsTest.V400;
import static org.dbcreator.engine.NextActionsTest.V410;
import static org.dbcreator.engine.NextActionsTest.V430;
import static org.dbcreator.engine.NextActionsTest.V500;
import static org.dbcreator.engine.NextActionsTest.managed;
import static org.dbcreator.engine.NextActionsTest.state;
import static org.dbcreator.engine.NextActionsTest.stopped;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.BackupRecord;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.history.Phase;
import org.junit.jupiter.api.Test;

/** The verdicts of the checks that are decided from data alone: state, backup records, nodes. */
class CheckVerdictsTest {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final Duration DAY = Duration.ofHours(24);

    private static UpgradeOperation.Decision expand(Inspection inspection, Version target) {
        return UpgradeOperation.decide(inspection, target, "cloud", PRODUCT, V430);
    }

    @Test
    void expandOfACleanOlderDatabaseShouldStartGreen() {
        UpgradeOperation.Decision d = expand(managed(state(Optional.of(V400), V400, Phase.CLEAN)), V430);
        assertThat(d.from()).contains(V400);
        assertThat(d.check().verdict()).isEqualTo(PreflightCheck.Verdict.GREEN);
    }

    @Test
    void expandBelowWhereTheDatabaseIsShouldBeRefusedAsADowngrade() {
        UpgradeOperation.Decision d = expand(managed(state(Optional.of(V430), V430, Phase.CLEAN)), V410);
        assertThat(d.from()).isEmpty();
        assertThat(d.check().failure()).contains(ErrorCode.DOWNGRADE_REFUSED);
        assertThat(d.check().fix()).containsExactly(new NextAction.ChooseTarget(V430));
    }

    @Test
    void expandToAnotherTargetThanTheInterruptedOneShouldBeRefusedWithTheResumeAsFix() {
        UpgradeOperation.Decision d = expand(managed(state(Optional.of(V400), V410, Phase.EXPANDING)), V430);
        assertThat(d.check().failure()).contains(ErrorCode.OPERATION_IN_PROGRESS);
        assertThat(d.check().fix()).containsExactly(new NextAction.Resume(OperationKind.UPGRADE, V410, false));
    }

    @Test
    void resumedExpandShouldBeAmberAndAskForTheRefusedStatementsFix() {
        UpgradeOperation.Decision d = expand(managed(state(Optional.of(V400), V430, Phase.EXPANDING),
                stopped(JournalEntry.Outcome.FAILED)), V430);
        assertThat(d.from()).contains(V400);
        assertThat(d.check().verdict()).isEqualTo(PreflightCheck.Verdict.AMBER);
        assertThat(d.check().evidence()).contains("the server refused 4.3.0/expand.sql:7 (Duplicate column name 'uuid')");
        assertThat(d.check().fix()).containsExactly(new NextAction.Resume(OperationKind.UPGRADE, V430, true));
    }

    @Test
    void expandOfAnUnmanagedDatabaseShouldBeRefusedWithTheDeployAsFix() {
        UpgradeOperation.Decision d = expand(Inspection.absent(), V430);
        assertThat(d.check().failure()).contains(ErrorCode.DATABASE_NOT_MANAGED);
        assertThat(d.check().fix()).containsExactly(new NextAction.Deploy(V430));
    }

    @Test
    void cleanupOfAnExpandingDatabaseShouldBeRefusedUntilTheExpandIsResumed() {
        PreflightCheck c = CleanupOperation.stateCheck(managed(state(Optional.of(V400), V410, Phase.EXPANDING)), "cloud",
                CATALOG);
        assertThat(c.failure()).contains(ErrorCode.OPERATION_IN_PROGRESS);
        assertThat(c.fix()).containsExactly(new NextAction.Resume(OperationKind.UPGRADE, V410, false));
    }

    @Test
    void cleanupOfAnExpandedDatabaseShouldBeGreenAndOfAnUnknownReleaseRed() {
        assertThat(CleanupOperation.stateCheck(managed(state(Optional.of(V400), V410, Phase.EXPANDED)), "cloud", CATALOG)
                .verdict()).isEqualTo(PreflightCheck.Verdict.GREEN);
        PreflightCheck unknown = CleanupOperation.stateCheck(managed(state(Optional.of(V400), V500, Phase.EXPANDED)),
                "cloud", CATALOG);
        assertThat(unknown.failure()).contains(ErrorCode.DATABASE_NEWER_THAN_CATALOG);
        assertThat(unknown.fix()).containsExactly(new NextAction.UseMatchingRelease(V500));
    }

    @Test
    void deployOverADeployedOlderDatabaseShouldBeRefusedWithTheUpgradeAsFix() {
        PreflightCheck c = DeployOperation.stateCheck(managed(state(Optional.of(V400), V400, Phase.CLEAN)), V430, "cloud",
                PRODUCT, V430);
        assertThat(c.failure()).contains(ErrorCode.DATABASE_NEEDS_UPGRADE);
        assertThat(c.fix()).containsExactly(new NextAction.Upgrade(V400, V430));
    }

    @Test
    void deployOfTheReleaseTheDatabaseIsAtShouldBeGreenWithNothingToDo() {
        PreflightCheck c = DeployOperation.stateCheck(managed(state(Optional.of(V430), V430, Phase.CLEAN)), V430, "cloud",
                PRODUCT, V430);
        assertThat(c.verdict()).isEqualTo(PreflightCheck.Verdict.GREEN);
        assertThat(c.evidence()).contains("nothing to do");
    }

    @Test
    void deployIntoADatabaseWithObjectsOfItsOwnShouldBeRefused() {
        PreflightCheck c = DeployOperation.stateCheck(new Inspection(true, Optional.empty(), List.of(),
                List.of("table legacy"), List.of()), V430, "cloud", PRODUCT, V430);
        assertThat(c.failure()).contains(ErrorCode.DATABASE_NOT_EMPTY);
        assertThat(c.fix()).containsExactly(new NextAction.DeployElsewhere());
    }

    private static BackupRecord backup(Duration age) {
        return new BackupRecord(BackupRecord.Kind.BACKUP, Optional.of(V400), Optional.of("/b/cloud-4.0.0.sql.gz"),
                Optional.of("FILE"), "ops", age);
    }

    @Test
    void backupCheckShouldBeGreenOnlyForARecentRestoreTestedBackup() {
        Optional<BackupRecord> fresh = Optional.of(backup(Duration.ofHours(1)));
        assertThat(BackupGate.recent("cloud", V400, V430, DAY, fresh, fresh).verdict())
                .isEqualTo(PreflightCheck.Verdict.GREEN);
    }

    @Test
    void backupOnlyReadBackShouldBeAmberWithItsRestoreTestAsFix() {
        PreflightCheck c = BackupGate.recent("cloud", V400, V430, DAY, Optional.empty(),
                Optional.of(backup(Duration.ofHours(1))));
        assertThat(c.verdict()).isEqualTo(PreflightCheck.Verdict.AMBER);
        assertThat(c.fix()).containsExactly(new NextAction.RestoreTest("/b/cloud-4.0.0.sql.gz"));
    }

    @Test
    void backupOlderThanAllowedShouldBeRedEvenWhenRestoreTested() {
        Optional<BackupRecord> old = Optional.of(backup(Duration.ofDays(3)));
        PreflightCheck c = BackupGate.recent("cloud", V400, V430, DAY, old, old);
        assertThat(c.failure()).contains(ErrorCode.BACKUP_REQUIRED);
        assertThat(c.evidence()).contains("3 d ago", "longer ago than 24 h");
        assertThat(c.fix()).containsExactly(new NextAction.UpgradeWithBackup(V430), new NextAction.UpgradeWithoutBackup(V430));
    }

    @Test
    void shutGateShouldBeRedAndOfferExclusionOnlyForNodesThatAreGone() {
        GateReport gate = new GateReport(V430, List.of(
                new NodeStatus("ms-1", "4.0.0", "Up", Duration.ofSeconds(1), NodeStatus.Liveness.LIVE,
                        NodeStatus.Verdict.WAITING, "runs 4.0.0"),
                new NodeStatus("ms-2", "4.0.0", "Up", Duration.ofMinutes(5), NodeStatus.Liveness.STALE,
                        NodeStatus.Verdict.BLOCKED, "stale, last on 4.0.0"),
                new NodeStatus("ms-3", "4.3.0", "Up", Duration.ofSeconds(1), NodeStatus.Liveness.LIVE, NodeStatus.Verdict.READY, "runs 4.3.0")));
        PreflightCheck c = NodeGate.check(gate);
        assertThat(c.failure()).contains(ErrorCode.NODES_NOT_READY);
        assertThat(c.fix()).containsExactly(new NextAction.RestartNodes(V430, List.of("ms-1", "ms-2")),
                new NextAction.WaitForNodes(V430, List.of("ms-1", "ms-2")), new NextAction.ExcludeNodes(List.of("ms-2")));
    }

    @Test
    void openGateShouldBeGreen() {
        GateReport gate = new GateReport(V430, List.of(new NodeStatus("ms-1", "4.3.0", "Up", Duration.ofSeconds(1),
                NodeStatus.Liveness.LIVE, NodeStatus.Verdict.READY, "runs 4.3.0")));
        assertThat(NodeGate.check(gate).verdict()).isEqualTo(PreflightCheck.Verdict.GREEN);
        assertThat(NodeGate.check(gate).fix()).isEmpty();
    }
}
