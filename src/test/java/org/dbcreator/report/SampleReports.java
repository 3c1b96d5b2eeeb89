package org.dbcreator.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.OperationKind;
import org.dbcreator.engine.PlannedStep;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.engine.PreflightReport;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.engine.SupportReport;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.BackupRecord;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.history.Phase;

/** Fixed reports for the renderers' tests: one expanded database whose rows carry hostile text. */
final class SampleReports {

    static final String SCRIPT_TAG = "<script>alert(1)</script>";
    static final String ATTRIBUTE_BREAK = "\"><img src=x onerror=alert(2)>";
    static final String AMPERSAND = "R&D node & co";
    static final String CONTROLS = "bell\u0007escape\u001b[31mnul\u0000end";
    static final String LONG = "x".repeat(Html.MAX_CHARS + 500);

    private SampleReports() {}

    static SupportReport expandedWithHostileRows() {
        Version v40 = Version.parse("4.0.0");
        Version v41 = Version.parse("4.1.0");
        Instant t = Instant.parse("2026-12-02T10:00:00Z");
        List<AppliedScript> history = List.of(
                new AppliedScript("run-1", "deploy", v40, ScriptKind.BASELINE, "4.0.0/create-schema.sql", "c0ffee", 12,
                        "root@% (ops on build-7)", t, t.plusSeconds(2)),
                new AppliedScript("run-2", "upgrade", v41, ScriptKind.EXPAND, "4.1.0/expand.sql", "beef", 3,
                        SCRIPT_TAG, t.plusSeconds(60), t.plusSeconds(61)),
                new AppliedScript("run-2", "upgrade", v41, ScriptKind.MIGRATION, "com.example.Backfill", "java", 4,
                        AMPERSAND, t.plusSeconds(61), t.plusSeconds(70)));
        PreflightReport checks = new PreflightReport(OperationKind.CLEANUP, List.of(
                new PreflightCheck(PreflightCheck.Id.NODES, PreflightCheck.Verdict.RED, "Node " + ATTRIBUTE_BREAK
                        + " runs 4.0.0", List.of(new NextAction.RestartNodes(v41, List.of(ATTRIBUTE_BREAK))), Optional.empty())));
        StatusReport status = new StatusReport("MariaDB 10.11.6", "10.11.6-MariaDB", "cloud", "democloud",
                StatusReport.Condition.MANAGED, Optional.of(v40), Optional.of(Phase.EXPANDED), Optional.of(v41), v41,
                List.of(v40, v41), List.of(new PlannedStep(Optional.of(v40), v41)), Optional.of(v40), Optional.of(v41),
                Optional.empty(), history, Map.of("com.example.Backfill", SCRIPT_TAG + " " + CONTROLS), List.of(), Optional.of(checks),
                new NextAction.Cleanup(v41, false));
        GateReport nodes = new GateReport(v41, List.of(
                new NodeStatus(SCRIPT_TAG, "4.1.0", "Up", Duration.ofMillis(1500), NodeStatus.Liveness.LIVE,
                        NodeStatus.Verdict.READY, "live on 4.1.0"),
                new NodeStatus(ATTRIBUTE_BREAK, "4.0.0", "Up", Duration.ofSeconds(3), NodeStatus.Liveness.LIVE,
                        NodeStatus.Verdict.WAITING, "live on 4.0.0"),
                new NodeStatus(AMPERSAND, "4.1.0", CONTROLS, Duration.ofSeconds(2), NodeStatus.Liveness.LIVE,
                        NodeStatus.Verdict.FAILED, "reports state " + CONTROLS),
                new NodeStatus(LONG, "4.1.0", "Down", Duration.ofSeconds(90), NodeStatus.Liveness.DOWN,
                        NodeStatus.Verdict.IGNORED, "stopped")));
        List<JournalEntry> journal = List.of(
                new JournalEntry("run-2", "4.1.0/expand.sql", 0, 3, "aa", JournalEntry.Outcome.DONE, 41, Optional.empty()),
                new JournalEntry("run-2", "4.1.0/expand.sql", 1, 9, "bb", JournalEntry.Outcome.FAILED, 41,
                        Optional.of("Duplicate column name '" + SCRIPT_TAG + "'")));
        List<BackupRecord> backups = List.of(
                new BackupRecord(BackupRecord.Kind.BACKUP, Optional.of(v40), Optional.of("/backups/cloud-4.0.0.sql.gz"),
                        Optional.of("RESTORE_TEST"), "root@% (ops on build-7)", Duration.ofMinutes(5)),
                new BackupRecord(BackupRecord.Kind.SKIPPED, Optional.of(v40), Optional.empty(), Optional.empty(),
                        AMPERSAND, Duration.ofHours(2)));
        return new SupportReport("1.2.3", t.plusSeconds(3600), "reader@db.example:3306/cloud", Optional.of(status),
                Optional.of(nodes), journal, Optional.of("admin@% (ops on build-7), running upgrade since 2026-12-02T10:59"),
                backups, List.of(new SupportReport.Gap("lock", "user 'reader' may not read the process list")));
    }
}
