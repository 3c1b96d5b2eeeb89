package org.dbcreator.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;
import java.util.Set;
import org.dbcreator.engine.InterruptedStatement;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.OperationKind;
import org.dbcreator.engine.PlannedStep;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.engine.PreflightReport;
import org.dbcreator.engine.StatusFinding;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.Phase;
import org.dbcreator.testing.Golden;
import org.junit.jupiter.api.Test;

/** What support staff attach to a ticket: the status report, in text and JSON. */
class StatusRenderingTest {

    private static final Version V400 = Version.parse("4.0.0");
    private static final Version V410 = Version.parse("4.1.0");

    private static StatusReport interruptedDeploy() {
        Instant start = Instant.parse("2026-11-25T10:15:30Z");
        AppliedScript baseline = new AppliedScript("3f1c7a2e-0000-4000-8000-000000000001", "DEPLOY", V400,
                ScriptKind.BASELINE, "4.0.0/create-schema.sql", "d200e791b8325eb53590c47131b79febf3be9a4d3fa4d9bcac9fd6a69749957b",
                11, "admin@% (ops on build-7)", start, start.plusMillis(1234));
        return new StatusReport("MariaDB 10.11.19", "10.11.19-MariaDB-0+deb12u1", "cloud", "democloud",
                StatusReport.Condition.MANAGED, Optional.empty(), Optional.of(Phase.DEPLOYING), Optional.of(V410), V410,
                List.of(V400, V410), List.of(new PlannedStep(Optional.empty(), V400), new PlannedStep(Optional.of(V400), V410)),
                Optional.empty(), Optional.empty(),
                Optional.of(new InterruptedStatement("4.1.0/expand.sql", 7, 2, true, Optional.of("Duplicate column name 'uuid'"))),
                List.of(baseline), Map.of(), List.of(new StatusFinding.ScriptChanged("/srv/catalog/4.0.0/create-schema.sql",
                        start.plusMillis(1234), "d200e791b8325eb53590c47131b79febf3be9a4d3fa4d9bcac9fd6a69749957b", "b".repeat(64))),
                Optional.empty(), new NextAction.Resume(OperationKind.DEPLOY, V410, true));
    }

    private static StatusReport expandedWithChecks() {
        Instant start = Instant.parse("2026-11-25T10:15:30Z");
        AppliedScript expand = new AppliedScript("3f1c7a2e-0000-4000-8000-000000000002", "UPGRADE", V410,
                ScriptKind.EXPAND, "4.1.0/expand.sql", "a".repeat(64), 2, "admin@% (ops on build-7)", start,
                start.plusMillis(420));
        AppliedScript backfill = new AppliedScript("3f1c7a2e-0000-4000-8000-000000000002", "UPGRADE", V410,
                ScriptKind.MIGRATION, "com.example.cloud.BackfillEventSeverity", "java", 26, "admin@% (ops on build-7)",
                start.plusMillis(420), start.plusMillis(3900));
        PreflightReport checks = new PreflightReport(OperationKind.CLEANUP, List.of(
                new PreflightCheck(PreflightCheck.Id.SERVER, PreflightCheck.Verdict.GREEN, "MariaDB 11.4.5 is supported.",
                        List.of(), Optional.empty()),
                new PreflightCheck(PreflightCheck.Id.PRIVILEGES, PreflightCheck.Verdict.RED, "User 'ops' lacks DROP on 'cloud'.",
                        List.of(new NextAction.Grant(Set.of("DROP"), "cloud")), Optional.of(ErrorCode.INSUFFICIENT_PRIVILEGES)),
                new PreflightCheck(PreflightCheck.Id.LONG_TRANSACTIONS, PreflightCheck.Verdict.AMBER,
                        "connection 42 (app from 10.0.0.7, open 95 s, running, idle); DDL waits for them.",
                        List.of(new NextAction.EndTransactions(List.of(42L))), Optional.empty())));
        return new StatusReport("MariaDB 11.4.5", "11.4.5-MariaDB", "cloud", "democloud", StatusReport.Condition.MANAGED,
                Optional.of(V400), Optional.of(Phase.EXPANDED), Optional.of(V410), V410, List.of(V400, V410), List.of(),
                Optional.of(V400), Optional.of(V410), Optional.empty(), List.of(expand, backfill),
                Map.of(backfill.script(), "backfill event.severity from event.level"), List.of(), Optional.of(checks),
                new NextAction.Cleanup(V410, true));
    }

    /** A clean database with an upgrade due and no backup: the Backup check is red and says both ways out. */
    private static StatusReport upgradeDueWithoutBackup() {
        PreflightReport checks = new PreflightReport(OperationKind.UPGRADE, List.of(
                new PreflightCheck(PreflightCheck.Id.SERVER, PreflightCheck.Verdict.GREEN, "MariaDB 10.11.19 is supported.",
                        List.of(), Optional.empty()),
                new PreflightCheck(PreflightCheck.Id.DATABASE_STATE, PreflightCheck.Verdict.GREEN,
                        "CLEAN at 4.0.0; expand to 4.1.0.", List.of(), Optional.empty()),
                new PreflightCheck(PreflightCheck.Id.BACKUP, PreflightCheck.Verdict.RED,
                        "No verified backup of 'cloud' at 4.0.0 is recorded.", List.of(new NextAction.UpgradeWithBackup(V410),
                                new NextAction.UpgradeWithoutBackup(V410)), Optional.of(ErrorCode.BACKUP_REQUIRED)),
                new PreflightCheck(PreflightCheck.Id.OPERATOR_LOCK, PreflightCheck.Verdict.GREEN,
                        "No other operator is working on this database.", List.of(), Optional.empty())));
        return new StatusReport("MariaDB 10.11.19", "10.11.19-MariaDB-0+deb12u1", "cloud", "democloud",
                StatusReport.Condition.MANAGED, Optional.of(V400), Optional.of(Phase.CLEAN), Optional.empty(), V410,
                List.of(V400, V410), List.of(new PlannedStep(Optional.of(V400), V410)), Optional.of(V400), Optional.of(V400),
                Optional.empty(), List.of(), Map.of(), List.of(), Optional.of(checks), new NextAction.Upgrade(V400, V410));
    }

    @Test
    void upgradeDueReportShouldShowTheBackupCheckAndItsFix() {
        Golden.assertMatches("reports/status-upgrade-due.txt", StatusRendering.text(upgradeDueWithoutBackup(), ZoneOffset.UTC));
    }

    @Test
    void expandedReportShouldShowTheRangeAndTheCleanupChecks() {
        Golden.assertMatches("reports/status-expanded.txt", StatusRendering.text(expandedWithChecks(), ZoneOffset.UTC));
        Golden.assertMatches("reports/status-expanded.json", StatusRendering.json(expandedWithChecks()) + "\n");
    }

    @Test
    void textReportShouldMatchTheGoldenFile() {
        Golden.assertMatches("reports/status-interrupted.txt", StatusRendering.text(interruptedDeploy(), ZoneOffset.UTC));
    }

    @Test
    void jsonReportShouldMatchTheGoldenFile() {
        Golden.assertMatches("reports/status-interrupted.json", StatusRendering.json(interruptedDeploy()) + "\n");
    }
}
