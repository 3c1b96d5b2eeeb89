package org.dbcreator.ui.done;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.BackupRecord;
import org.dbcreator.history.Phase;
import org.dbcreator.ui.service.DatabaseStatus;
import org.junit.jupiter.api.Test;

/** Done sums up the history by run: the newest run of each operation, with its releases and duration. */
class DoneSummaryTest {

    private static final Version V400 = Version.parse("4.0.0");
    private static final Version V410 = Version.parse("4.1.0");
    private static final Version V420 = Version.parse("4.2.0");
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void eachOperationShouldAppearOnceWithItsNewestRunInTheOrderTheyRan() {
        List<AppliedScript> history = List.of(
                applied("d1", "deploy", V400, ScriptKind.BASELINE, 0, 2),
                applied("d1", "deploy", V400, ScriptKind.SAMPLE_DATA, 2, 9),
                applied("u1", "upgrade", V410, ScriptKind.EXPAND, 100, 104),
                applied("u1", "upgrade", V420, ScriptKind.EXPAND, 104, 110),
                applied("c1", "cleanup", V410, ScriptKind.CLEANUP, 200, 201),
                applied("c1", "cleanup", V420, ScriptKind.CLEANUP, 201, 203));
        assertThat(DoneSummary.phases(history)).containsExactly(
                new DoneSummary.PhaseRun("deploy", V400, V400, 2, Duration.ofSeconds(9)),
                new DoneSummary.PhaseRun("upgrade", V410, V420, 2, Duration.ofSeconds(10)),
                new DoneSummary.PhaseRun("cleanup", V410, V420, 2, Duration.ofSeconds(3)));
    }

    @Test
    void anExpandOrCleanupShouldStartFromTheReleaseBeforeItsFirstStep() {
        List<AppliedScript> history = List.of(
                applied("d1", "deploy", V400, ScriptKind.BASELINE, 0, 2),
                applied("u1", "upgrade", V410, ScriptKind.EXPAND, 100, 104),
                applied("u1", "upgrade", V420, ScriptKind.MIGRATION, 104, 110),
                applied("c1", "cleanup", V410, ScriptKind.CLEANUP, 200, 201),
                applied("c1", "cleanup", V420, ScriptKind.CLEANUP, 201, 203));
        assertThat(DoneSummary.phases(history, List.of(V400, V410, V420))).containsExactly(
                new DoneSummary.PhaseRun("deploy", V400, V400, 1, Duration.ofSeconds(2)),
                new DoneSummary.PhaseRun("upgrade", V400, V420, 2, Duration.ofSeconds(10)),
                new DoneSummary.PhaseRun("cleanup", V400, V420, 2, Duration.ofSeconds(3)));
    }

    @Test
    void aLaterRunOfTheSameOperationShouldReplaceTheEarlierOne() {
        List<AppliedScript> history = List.of(
                applied("u1", "upgrade", V410, ScriptKind.EXPAND, 0, 5),
                applied("c1", "cleanup", V410, ScriptKind.CLEANUP, 10, 11),
                applied("u2", "upgrade", V420, ScriptKind.EXPAND, 20, 27));
        assertThat(DoneSummary.phases(history)).containsExactly(
                new DoneSummary.PhaseRun("cleanup", V410, V410, 1, Duration.ofSeconds(1)),
                new DoneSummary.PhaseRun("upgrade", V420, V420, 1, Duration.ofSeconds(7)));
    }

    @Test
    void theBackupFileShouldBeTheNewestBackupNotARecordedSkip() {
        StatusReport report = new StatusReport("MariaDB", "10.11.6", "cloud", "democloud", StatusReport.Condition.MANAGED,
                Optional.of(V420), Optional.of(Phase.CLEAN), Optional.empty(), V420, List.of(V400, V410, V420), List.of(),
                Optional.of(V420), Optional.of(V420), Optional.empty(), List.of(), Map.of(), List.of(), Optional.empty(),
                new NextAction.Nothing(V420));
        List<BackupRecord> newestFirst = List.of(
                new BackupRecord(BackupRecord.Kind.SKIPPED, Optional.of(V410), Optional.empty(), Optional.empty(), "me", Duration.ZERO),
                new BackupRecord(BackupRecord.Kind.BACKUP, Optional.of(V400), Optional.of("/b/cloud-2.sql.gz"),
                        Optional.of("FILE"), "me", Duration.ofHours(1)),
                new BackupRecord(BackupRecord.Kind.BACKUP, Optional.of(V400), Optional.of("/b/cloud-1.sql.gz"),
                        Optional.of("FILE"), "me", Duration.ofHours(2)));
        DoneSummary summary = DoneSummary.of(new DatabaseStatus(report, Optional.empty(), Duration.ZERO), newestFirst);
        assertThat(summary.backupFile()).contains("/b/cloud-2.sql.gz");
        assertThat(summary.release()).contains(V420);
        assertThat(summary.sentence()).contains("4.2.0").contains("nothing to do");
    }

    private static AppliedScript applied(String run, String operation, Version version, ScriptKind kind, int from, int to) {
        return new AppliedScript(run, operation, version, kind, version + "/" + kind, "x", 1, "me@host",
                T0.plusSeconds(from), T0.plusSeconds(to));
    }
}
