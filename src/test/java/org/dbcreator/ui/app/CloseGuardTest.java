package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** What closing the window asks and does while a run is under way, and when nothing runs. */
class CloseGuardTest {

    private final SimpleBooleanProperty backup = new SimpleBooleanProperty();
    private final SimpleBooleanProperty expand = new SimpleBooleanProperty();
    private final SimpleBooleanProperty cleanup = new SimpleBooleanProperty();
    private final SimpleBooleanProperty deploy = new SimpleBooleanProperty();
    private final List<String> cancelled = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private final CloseGuard guard = new CloseGuard(List.of(
            new CloseGuard.Guarded(CloseGuard.Run.BACKUP, backup, () -> cancelled.add("backup")),
            new CloseGuard.Guarded(CloseGuard.Run.EXPAND, expand, () -> cancelled.add("expand")),
            new CloseGuard.Guarded(CloseGuard.Run.CLEANUP, cleanup, () -> cancelled.add("cleanup")),
            new CloseGuard.Guarded(CloseGuard.Run.DEPLOY, deploy, () -> cancelled.add("deploy"))));

    @Test
    void withNothingRunningTheWindowShouldCloseWithoutAskingOrCancelling() {
        assertThat(guard.running()).isEmpty();
        assertThat(guard.question()).isEmpty();

        guard.stopThenClose(() -> closed.add("closed"));

        assertThat(cancelled).isEmpty();
        assertThat(closed).containsExactly("closed");
        assertThat(guard.stopping()).isFalse();
    }

    @Test
    void aRunningExpandShouldBeAskedAboutInTheAdminsWords() {
        expand.set(true);

        assertThat(guard.running()).contains(CloseGuard.Run.EXPAND);
        assertThat(guard.question()).contains(
                "An expand is running. Stop it between two statements and close? It can be resumed later.");
        assertThat(cancelled).as("asking stops nothing").isEmpty();
    }

    @Test
    void everyRunShouldHaveItsOwnQuestion() {
        for (CloseGuard.Run run : CloseGuard.Run.values()) {
            assertThat(run.question()).contains(" is running. Stop it ").contains(" and close? ");
        }
        backup.set(true);
        assertThat(guard.question().orElseThrow()).startsWith("A backup is running.");
        backup.set(false);
        cleanup.set(true);
        assertThat(guard.question().orElseThrow()).startsWith("A cleanup is running.").endsWith("It can be resumed later.");
        cleanup.set(false);
        deploy.set(true);
        assertThat(guard.question().orElseThrow()).startsWith("A deploy is running.").endsWith("It can be resumed later.");
    }

    @Test
    void stopAndCloseShouldCancelTheRunAndCloseOnlyOnceItHasStopped() {
        expand.set(true);

        guard.stopThenClose(() -> closed.add("closed"));

        assertThat(cancelled).containsExactly("expand");
        assertThat(closed).as("the engine thread is still finishing its statement").isEmpty();
        assertThat(guard.stopping()).isTrue();

        expand.set(false); // the page read the stopped state back from the server

        assertThat(closed).containsExactly("closed");
        assertThat(guard.stopping()).isFalse();
        guard.timedOut();
        assertThat(closed).as("closed once").containsExactly("closed");
    }

    @Test
    void aRunThatDoesNotStopInTimeShouldNotKeepTheWindowOpen() {
        deploy.set(true);
        guard.stopThenClose(() -> closed.add("closed"));
        assertThat(cancelled).containsExactly("deploy");
        assertThat(closed).isEmpty();

        guard.timedOut();

        assertThat(closed).containsExactly("closed");
        deploy.set(false);
        assertThat(closed).containsExactly("closed");
    }

    @Test
    void twoRunsShouldBothStopBeforeTheWindowCloses() {
        backup.set(true);
        cleanup.set(true);
        guard.stopThenClose(() -> closed.add("closed"));
        assertThat(cancelled).containsExactly("backup", "cleanup");

        backup.set(false);
        assertThat(closed).isEmpty();
        cleanup.set(false);
        assertThat(closed).containsExactly("closed");
    }

    @Test
    void closingWithoutTheDialogShouldStillStopWhatRuns() {
        cleanup.set(true);

        guard.cancelAll();

        assertThat(cancelled).containsExactly("cleanup");
        assertThat(closed).isEmpty();
    }
}
