package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.engine.NodeWait;
import org.dbcreator.engine.PhaseChanged;
import org.dbcreator.engine.RunPlanned;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressEvent.Blocker;
import org.dbcreator.testing.Golden;
import org.junit.jupiter.api.Test;

/** The lines the CLI prints from the engine's events: the typed waits read as the free-text notices did. */
class ProgressPrinterTest {

    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");
    private static final Version V400 = Version.parse("4.0.0");
    private static final Version V410 = Version.parse("4.1.0");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void anUpgradeWithAMigrationAndItsWaitsShouldPrintAsGolden() {
        DatabaseState expanding = new DatabaseState("democloud", Optional.of(V400), V410, Phase.EXPANDING,
                Optional.of(V400), Optional.of(V400), Optional.of("run-1"), Optional.empty(), T);
        List<ProgressEvent> events = List.of(
                new ProgressEvent.OrphanWait(77, Duration.ofMillis(12_400), T),
                new PhaseChanged("cloud", Optional.of(Phase.CLEAN), expanding, T),
                new ProgressEvent.Notice("Expanding 4.0.0 -> 4.1.0; nodes of 4.0.0 keep working.", T),
                new RunPlanned("UPGRADE", "cloud", List.of(
                        new RunPlanned.Item("4.1.0/expand.sql", ScriptKind.EXPAND, V410, 3, false),
                        new RunPlanned.Item("org.dbcreator.demo.BackfillHostUuid", ScriptKind.MIGRATION, V410, -1, false)),
                        T),
                new ProgressEvent.ScriptStarted("4.1.0/expand.sql", "", "EXPAND", 1, 2, 3, OptionalLong.empty(), T),
                new ProgressEvent.StatementDone("4.1.0/expand.sql", 0, 3, 1, 0, true, T),
                new ProgressEvent.StatementStarted("4.1.0/expand.sql", 1, 3, 4, "ALTER TABLE host ADD COLUMN uuid", T),
                new ProgressEvent.LockWait("4.1.0/expand.sql:4", 2, Duration.ofMillis(500), Duration.ofSeconds(1),
                        List.of(new Blocker(41, "app", "10.0.0.7:5123", Duration.ofSeconds(93), Optional.empty()),
                                new Blocker(42, "report", "bi-1", Duration.ofSeconds(5),
                                        Optional.of("SELECT COUNT(*) FROM host\u001b[2J"))), true, T),
                new ProgressEvent.LockWait("4.1.0/expand.sql:4", 3, Duration.ofSeconds(1), Duration.ofSeconds(3),
                        List.of(), false, T),
                new ProgressEvent.LockWait("4.1.0/expand.sql:4", 4, Duration.ofSeconds(2), Duration.ofSeconds(6),
                        List.of(), true, T),
                new ProgressEvent.StatementDone("4.1.0/expand.sql", 1, 3, 4, 7_000, false, T),
                new ProgressEvent.StatementStarted("4.1.0/expand.sql", 2, 3, 9, "CREATE TRIGGER host_uuid ...", T),
                new ProgressEvent.StatementDone("4.1.0/expand.sql", 2, 3, 9, 20, false, T),
                new ProgressEvent.ScriptFinished("4.1.0/expand.sql", "", 7_100, false, T),
                new ProgressEvent.ScriptStarted("org.dbcreator.demo.BackfillHostUuid", "backfill host.uuid", "MIGRATION", 2, 2, -1,
                        OptionalLong.of(4_500), T),
                new ProgressEvent.BatchDone("org.dbcreator.demo.BackfillHostUuid", "backfill host.uuid", 0, 2_000, 2_000, OptionalLong.of(4_500), T),
                new ProgressEvent.BatchDone("org.dbcreator.demo.BackfillHostUuid", "backfill host.uuid", 1, 2_000, 4_000, OptionalLong.of(4_500), T),
                new ProgressEvent.BatchDone("org.dbcreator.demo.BackfillHostUuid", "backfill host.uuid", 2, 500, 4_500, OptionalLong.of(4_500), T),
                new ProgressEvent.BatchDone("org.dbcreator.demo.BackfillHostUuid", "backfill host.uuid", 3, 0, 4_500, OptionalLong.of(4_500), T),
                new ProgressEvent.ScriptFinished("org.dbcreator.demo.BackfillHostUuid", "backfill host.uuid", 1_250, false, T),
                new ProgressEvent.ScriptFinished("4.2.0/expand.sql", "", 0, true, T),
                new PhaseChanged("cloud", Optional.of(Phase.EXPANDING), expanding, T));
        events.forEach(printer::onEvent);

        Golden.assertMatches("progress/upgrade.txt", printed());
    }

    @Test
    void aBackupShouldPrintItsTablesButNotItsBounds() {
        List<ProgressEvent> events = List.of(
                new ProgressEvent.BackupStarted("cloud", Path.of("/backups"), T),
                new ProgressEvent.TablesPlanned(List.of(new ProgressEvent.PlannedTable("host", 1_000, false),
                        new ProgressEvent.PlannedTable("event", 250_000, false)), T),
                new ProgressEvent.TableProgress("host", 1_000, 180_000, true, Optional.empty(), T),
                new ProgressEvent.TableProgress("event", 250_000, 41_000_000, true, Optional.of(Duration.ZERO), T),
                new ProgressEvent.BackupFinished("cloud", Path.of("/backups/cloud.sql.gz"), 251_000, 9_000_000, T),
                new ProgressEvent.RestoreStarted("dbcreator_verify_0123456789ab", Path.of("/backups/cloud.sql.gz"), true, T),
                new ProgressEvent.RestoreFinished("dbcreator_verify_0123456789ab", 251_000, T));
        events.forEach(printer::onEvent);

        assertThat(printed()).isEqualTo(
                "  host                                    1,000 rows        0.2 MB\n"
                + "  event                                 250,000 rows       41.0 MB\n");
    }

    @Test
    void aNodeWaitShouldNameTheNodesThatKeepTheGateShut() {
        GateReport gate = new GateReport(V410, List.of(
                new NodeStatus("ms-1", "4.1.0", "Up", Duration.ofSeconds(1), NodeStatus.Liveness.LIVE, NodeStatus.Verdict.READY, "runs 4.1.0"),
                new NodeStatus("ms-2", "4.0.0", "Up", Duration.ofSeconds(2), NodeStatus.Liveness.LIVE,
                        NodeStatus.Verdict.WAITING, "runs 4.0.0, older than 4.1.0"),
                new NodeStatus("ms-3", "4.0.0", "Up", Duration.ofMinutes(3), NodeStatus.Liveness.STALE,
                        NodeStatus.Verdict.BLOCKED, "stale: no heartbeat for 180 s")));

        printer.onEvent(new NodeWait(gate, Duration.ofSeconds(4), Duration.ofMinutes(10), T));

        assertThat(printed()).isEqualTo("Waiting for the nodes: ms-2 runs 4.0.0, older than 4.1.0;"
                + " ms-3 stale: no heartbeat for 180 s.\n");
    }

    @Test
    void withJsonTheProgressShouldGoToStandardError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Optional.empty());

        ProgressPrinter.of(context, true).onEvent(new ProgressEvent.Notice("to stderr", T));
        ProgressPrinter.of(context, false).onEvent(new ProgressEvent.Notice("to stdout", T));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("to stdout\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("to stderr\n");
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
