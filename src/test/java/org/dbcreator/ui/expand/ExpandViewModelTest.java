package org.dbcreator.ui.expand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.OperationKind;
import org.dbcreator.engine.PlanPreview;
import org.dbcreator.engine.PreflightReport;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.service.DryRun;
import org.dbcreator.ui.service.ExpandPosition;
import org.junit.jupiter.api.Test;

/**
 * How the Expand page draws a run's events: a backfill's rows, rate and time left; the sessions a
 * lock wait names; a data migration by its description, never its class name.
 */
class ExpandViewModelTest {

    private static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");

    private final ExpandViewModel page = new ExpandViewModel(null, new CurrentThreadExecutor(), null);

    @Test
    void aBackfillShouldShowRowsDoneOfTotalWithRateAndTimeLeft() {
        page.onEvents(List.of(
                new ProgressEvent.ScriptStarted("org.example.Backfill", "backfill host.uuid", "MIGRATION", 2, 4, -1, OptionalLong.of(10_000), T0),
                new ProgressEvent.BatchDone("org.example.Backfill", "backfill host.uuid", 0, 2_000, 2_000, OptionalLong.of(10_000), T0.plusSeconds(1)),
                new ProgressEvent.BatchDone("org.example.Backfill", "backfill host.uuid", 1, 2_000, 2_500, OptionalLong.of(10_000), T0.plusSeconds(2))));
        assertThat(page.backfillTextProperty().get()).isEqualTo("2,500 of 10,000 rows \u00b7 1,250 rows/s \u00b7 6 s left");
        assertThat(page.backfillProperty().get()).isEqualTo(0.25);
    }

    @Test
    void aBackfillWithoutACountShouldShowRowsAndRateOnly() {
        page.onEvents(List.of(
                new ProgressEvent.ScriptStarted("org.example.Backfill", "backfill host.uuid", "MIGRATION", 1, 1, -1, OptionalLong.empty(), T0),
                new ProgressEvent.BatchDone("org.example.Backfill", "backfill host.uuid", 0, 500, 500, OptionalLong.empty(), T0.plusSeconds(4))));
        assertThat(page.backfillTextProperty().get()).isEqualTo("500 rows \u00b7 125 rows/s");
        assertThat(page.backfillProperty().get()).isEqualTo(-1);
    }

    @Test
    void aLockWaitShouldListTheBlockingSessionsUntilTheStatementMovesOn() {
        ProgressEvent.Blocker blocker = new ProgressEvent.Blocker(42, "app", "10.0.0.7:5123", Duration.ofSeconds(95),
                Optional.of("UPDATE host SET ..."));
        page.onEvents(List.of(
                new ProgressEvent.ScriptStarted("4.1.0/expand.sql", "", "EXPAND", 1, 3, 2, OptionalLong.empty(), T0),
                new ProgressEvent.StatementStarted("4.1.0/expand.sql", 0, 2, 4, "ALTER TABLE host ADD COLUMN uuid", T0),
                new ProgressEvent.LockWait("4.1.0/expand.sql:4", 3, Duration.ofMillis(500), Duration.ofSeconds(12),
                        List.of(blocker), true, T0.plusSeconds(12))));
        assertThat(page.lockWaitProperty().get()).isEqualTo("Waiting for a lock at 4.1.0/expand.sql:4 for 0:12"
                + " (attempt 3 next, in 500 ms). These sessions hold it:");
        assertThat(page.blockers()).containsExactly(blocker);

        page.onEvents(List.of(new ProgressEvent.StatementDone("4.1.0/expand.sql", 0, 2, 4, 12_300, false, T0.plusSeconds(13))));
        assertThat(page.blockers()).isEmpty();
        assertThat(page.lockWaitProperty().get()).isEmpty();
        assertThat(page.log()).last().asString().endsWith("4.1.0/expand.sql:4 done in 12,300 ms");
    }

    private static final String CLASS = "org.dbcreator.demo.BackfillEventSeverity";
    private static final String WORDS = "backfill event.severity from event.level";

    @Test
    void aDataMigrationShouldBeNamedByItsDescriptionInTheLog() {
        page.onEvents(List.of(
                new ProgressEvent.ScriptStarted(CLASS, WORDS, "MIGRATION", 4, 6, -1, OptionalLong.of(20_000), T0),
                new ProgressEvent.BatchDone(CLASS, WORDS, 0, 2_000, 2_000, OptionalLong.of(20_000), T0.plusSeconds(1))));
        assertThat(page.log()).anySatisfy(l -> assertThat(l).endsWith("Script 4 of 6: " + WORDS + " (BackfillEventSeverity)"));

        page.onEvents(List.of(new ProgressEvent.ScriptFinished(CLASS, WORDS, 1_200, false, T0.plusSeconds(2))));
        assertThat(page.log()).last().asString().endsWith(WORDS + " done in 1,200 ms");
        assertThat(page.log()).noneSatisfy(l -> assertThat(l).contains(CLASS));
    }

    @Test
    void thePlanShouldNameADataMigrationByItsDescriptionAndAScriptByItsPath() {
        DryRun dryRun = new DryRun(OperationKind.UPGRADE, Optional.of(new PlanPreview(List.of(
                new PlanPreview.Item("4.2.0/expand.sql", "", "EXPAND", "4.2.0", "jar:/sql/4.2.0/expand.sql", false,
                        List.of(new PlanPreview.Statement(3, "ALTER TABLE event ADD COLUMN severity INT", false))),
                new PlanPreview.Item(CLASS, WORDS, "MIGRATION", "4.2.0", "Java: " + WORDS, false, List.of())))),
                new PreflightReport(OperationKind.UPGRADE, List.of()));

        assertThat(ExpandViewModel.rowsOf(dryRun)).filteredOn(ExpandRow::isHeader).extracting(ExpandRow::text)
                .containsExactly("4.2.0 expand: 4.2.0/expand.sql", "4.2.0 migration: " + WORDS);
        assertThat(ExpandViewModel.stoppedAt(new ExpandPosition(Version.parse("4.3.0"), Optional.of(CLASS), 3, true),
                ExpandViewModel.stepNames(dryRun)))
                .isEqualTo("Expanded up to 4.3.0 " + WORDS + " batch 3; Resume continues from there.");
    }
}
