package org.dbcreator.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.backup.BackupFiles;
import org.dbcreator.backup.BackupManifest;
import org.dbcreator.backup.BackupResult;
import org.dbcreator.backup.RestoreResult;
import org.dbcreator.backup.VerifyResult;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.engine.DeployResult;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.OperationKind;
import org.dbcreator.engine.PlanPreview;
import org.dbcreator.engine.PlannedStep;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.engine.PreflightReport;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.engine.TakenBackup;
import org.dbcreator.history.Phase;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.testing.Golden;
import org.junit.jupiter.api.Test;

/**
 * What each verb prints at its end, for people and with --json, rendered from fixed results (no
 * server) and compared with golden files under src/test/resources/verbs.
 */
class VerbRenderingTest {

    private static final Version V400 = Version.parse("4.0.0");
    private static final Version V430 = Version.parse("4.3.0");
    private static final NextSteps STEPS = NextSteps.none();

    private static void golden(String verb, String text, Map<String, Object> json) {
        Golden.assertMatches("verbs/" + verb + ".txt", text);
        Golden.assertMatches("verbs/" + verb + ".json", JsonOutput.of(json) + "\n");
    }

    private static PreflightReport upgradeChecks() {
        return new PreflightReport(OperationKind.UPGRADE, List.of(
                new PreflightCheck(PreflightCheck.Id.SERVER, PreflightCheck.Verdict.GREEN, "MariaDB 10.11.19 is supported.",
                        List.of(), Optional.empty()),
                new PreflightCheck(PreflightCheck.Id.BACKUP, PreflightCheck.Verdict.AMBER, "Skipped at the operator's"
                        + " request; the skip is recorded with who and when. Unless there is another way back, take one"
                        + " first.", List.of(new NextAction.TakeBackup(), new NextAction.UpgradeWithBackup(V430)),
                        Optional.empty())));
    }

    @Test
    void deploy() {
        DeployResult r = new DeployResult("cloud", V430, DeployResult.Outcome.DEPLOYED, 10, 0, Duration.ofMillis(4321));
        golden("deploy", Results.line(r), ResultJson.deploy(r));
    }

    @Test
    void upgrade() {
        UpgradeResult r = new UpgradeResult("cloud", OperationKind.UPGRADE, V400, V430, UpgradeResult.Outcome.APPLIED, 6, 0,
                Duration.ofMillis(12_345), upgradeChecks(), Optional.empty());
        golden("upgrade", Results.line(r), ResultJson.upgrade(r, STEPS));
    }

    @Test
    void upgradeDryRun() {
        PlanPreview preview = new PlanPreview(List.of(
                new PlanPreview.Item("4.1.0/expand.sql", "", "EXPAND", "4.1.0", "jar:/sql/4.1.0/expand.sql", false, List.of(
                        new PlanPreview.Statement(3, "ALTER TABLE host ADD COLUMN uuid char(36) NULL,\n  ALGORITHM=INSTANT",
                                true),
                        new PlanPreview.Statement(6, "CREATE INDEX ix_host_uuid ON host (uuid)", false))),
                new PlanPreview.Item("org.dbcreator.demo.BackfillHostUuid", "backfill host.uuid", "MIGRATION", "4.1.0",
                        "org.dbcreator.demo.BackfillHostUuid", false, List.of())));
        UpgradeResult r = new UpgradeResult("cloud", OperationKind.UPGRADE, V400, V430, UpgradeResult.Outcome.DRY_RUN, 0, 2,
                Duration.ofMillis(80), upgradeChecks(), Optional.of(preview));
        golden("upgrade-dry-run", PlanRendering.text(r, STEPS), ResultJson.upgrade(r, STEPS));
    }

    @Test
    void cleanup() {
        PreflightReport checks = new PreflightReport(OperationKind.CLEANUP, List.of(new PreflightCheck(
                PreflightCheck.Id.NODES, PreflightCheck.Verdict.GREEN, "2 live nodes, all on 4.3.0; no older node is around.",
                List.of(), Optional.empty())));
        UpgradeResult r = new UpgradeResult("cloud", OperationKind.CLEANUP, V400, V430, UpgradeResult.Outcome.RESUMED, 2, 1,
                Duration.ofMillis(900), checks, Optional.empty());
        golden("cleanup", Results.line(r), ResultJson.upgrade(r, STEPS));
    }

    @Test
    void nodes() {
        GateReport gate = new GateReport(V430, List.of(
                new NodeStatus("ms-1", "4.3.0", "Up", Duration.ofMillis(800), NodeStatus.Liveness.LIVE, NodeStatus.Verdict.READY, "runs 4.3.0"),
                new NodeStatus("ms-2", "4.0.0", "Up", Duration.ofSeconds(95), NodeStatus.Liveness.STALE,
                        NodeStatus.Verdict.BLOCKED, "stale for 95 s, last seen on 4.0.0")));
        golden("nodes", NodesRendering.text(gate), NodesRendering.json(gate));
    }

    private static BackupManifest manifest() {
        Instant start = Instant.parse("2026-11-25T10:15:30Z");
        return new BackupManifest(BackupManifest.FORMAT, "cloud", Optional.of("democloud"), Optional.of("4.0.0"),
                Optional.of("CLEAN"), "dev", "MariaDB 10.11.19", start, start.plusSeconds(3),
                "one consistent snapshot on 2 connections", "utf8mb4", "utf8mb4_unicode_ci",
                new BackupManifest.DumpFile("cloud-4.0.0-20261125T101530Z.sql.gz", 1_234_567, "ab".repeat(32)),
                List.of(new BackupManifest.TableEntry("event", "InnoDB", 9000, "c1"),
                        new BackupManifest.TableEntry("host", "InnoDB", 1000, "c2")),
                List.of("view v_host"), List.of("table audit is MyISAM: it is read outside the snapshot"));
    }

    private static RestoreResult restored(String database) {
        return new RestoreResult(database, Path.of("/backups/cloud-4.0.0-20261125T101530Z.sql.gz"), false, 42, 2, 10_000,
                true, Duration.ofMillis(2500), List.of());
    }

    @Test
    void backup() {
        BackupManifest m = manifest();
        BackupFiles files = new BackupFiles(Path.of("/backups/cloud-4.0.0-20261125T101530Z.sql.gz"),
                Path.of("/backups/cloud-4.0.0-20261125T101530Z.manifest.json"));
        BackupResult backup = new BackupResult(files, m, Duration.ofMillis(3200), true, m.warnings());
        VerifyResult test = new VerifyResult(files.dump(), false, Optional.of(m), 42, Map.of("event", 9000L, "host", 1000L),
                Optional.of(restored("dbcreator_verify_0123456789ab")), true, List.of());
        TakenBackup taken = new TakenBackup(backup, Optional.of(test));
        golden("backup", BackupRendering.backup(taken), ResultJson.backup(taken));
    }

    @Test
    void backupVerify() {
        VerifyResult r = new VerifyResult(Path.of("/backups/old.sql.gz"), true, Optional.empty(), 40,
                Map.of("event", 9000L), Optional.empty(), false,
                List.of("a stock dump has no manifest: rows are counted, content checksums are unknown"));
        golden("backup-verify", BackupRendering.verify(r), ResultJson.verify(r));
    }

    @Test
    void restore() {
        RestoreResult r = restored("copy");
        golden("restore", BackupRendering.restore(r), ResultJson.restore(r));
    }

    @Test
    void demoNoWait() {
        Map<String, Object> connection = new java.util.LinkedHashMap<>();
        connection.put("host", "127.0.0.1");
        connection.put("port", 40123);
        connection.put("database", "cloud");
        connection.put("user", "democloud");
        connection.put("passwordFile", "/home/ops/.local/share/dbcreator/demo/democloud.password");
        connection.put("profileFile", "/home/ops/.local/share/dbcreator/demo/demo.properties");
        connection.put("certificate", "/home/ops/.local/share/dbcreator/demo/server-cert.pem");
        DeployResult deployed = new DeployResult("cloud", V400, DeployResult.Outcome.DEPLOYED, 2, 0, Duration.ofMillis(2100));
        StatusReport status = new StatusReport("MariaDB 11.4.5", "11.4.5-MariaDB", "cloud", "democloud",
                StatusReport.Condition.MANAGED, Optional.of(V400), Optional.of(Phase.CLEAN), Optional.empty(), V430,
                List.of(V400, V430), List.of(new PlannedStep(Optional.of(V400), V430)), Optional.of(V400), Optional.of(V400),
                Optional.empty(), List.of(), Map.of(), List.of(), Optional.empty(), new NextAction.Upgrade(V400, V430));
        NextSteps steps = NextSteps.none().withConnection(Map.of("--profile", "/home/ops/.local/share/dbcreator/demo/demo.properties"));
        Golden.assertMatches("verbs/demo.json", JsonOutput.of(DemoCommand.json(connection, Optional.of(deployed), status,
                steps)) + "\n");
    }

    @Test
    void error() {
        DbCreatorException e = new DbCreatorException(ErrorCode.NODES_NOT_READY, "Cannot start the cleanup: Nodes: ms-2"
                + " stale for 95 s, last seen on 4.0.0.", List.of(new NextAction.RestartNodes(V430, List.of("ms-2")),
                        new NextAction.WaitForNodes(V430, List.of("ms-2")), new NextAction.ExcludeNodes(List.of("ms-2"))));
        Golden.assertMatches("verbs/error.txt", ErrorRendering.text(e, STEPS.forDatabase("cloud")));
        Golden.assertMatches("verbs/error.json", ErrorRendering.json(e, STEPS.forDatabase("cloud")) + "\n");
        Golden.assertMatches("verbs/error-grant.txt", ErrorRendering.text(new DbCreatorException(
                ErrorCode.INSUFFICIENT_PRIVILEGES, "User 'ops' lacks ALTER on 'cloud'.",
                List.of(new NextAction.Grant(Set.of("ALTER"), "cloud"))), STEPS));
    }
}
