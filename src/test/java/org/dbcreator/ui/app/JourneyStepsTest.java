package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.PlannedStep;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.history.Phase;
import org.dbcreator.ui.app.StepMark.Mark;
import org.dbcreator.ui.service.DatabaseStatus;
import org.junit.jupiter.api.Test;

/** The sidebar's marks follow what the database said, phase by phase. */
class JourneyStepsTest {

    private static final Version V400 = Version.parse("4.0.0");
    private static final Version V430 = Version.parse("4.3.0");

    @Test
    void beforeConnectingOnlyConnectShouldBeOpen() {
        assertThat(marks(Journey.UPGRADE, false, Optional.empty())).containsExactly(Mark.NEXT, Mark.TODO,
                Mark.LOCKED, Mark.LOCKED, Mark.LOCKED, Mark.LOCKED, Mark.LOCKED);
    }

    @Test
    void aCleanDatabaseBehindItsTargetShouldWaitForTheBackup() {
        assertThat(marks(Journey.UPGRADE, true, status(Phase.CLEAN, List.of(new PlannedStep(Optional.of(V400), V430)), gate(false))))
                .containsExactly(Mark.DONE, Mark.DONE, Mark.NEXT, Mark.TODO, Mark.LOCKED, Mark.LOCKED, Mark.TODO);
    }

    @Test
    void anInterruptedExpandShouldBeTheCurrentStep() {
        List<StepMark> steps = JourneySteps.of(Journey.UPGRADE, Optional.empty(), true, status(Phase.EXPANDING, List.of(new PlannedStep(Optional.of(V400), V430)),
                gate(false)));
        assertThat(steps).extracting(StepMark::mark).containsExactly(Mark.DONE, Mark.DONE, Mark.DONE, Mark.NEXT,
                Mark.LOCKED, Mark.LOCKED, Mark.TODO);
        assertThat(steps.get(3).reason()).contains("resumes");
    }

    @Test
    void anExpandedDatabaseShouldLockCleanupUntilTheGateOpens() {
        List<StepMark> shut = JourneySteps.of(Journey.UPGRADE, Optional.empty(), true, status(Phase.EXPANDED, List.of(new PlannedStep(Optional.of(V400), V430)),
                gate(false)));
        assertThat(shut).extracting(StepMark::mark).containsExactly(Mark.DONE, Mark.DONE, Mark.DONE, Mark.DONE,
                Mark.NEXT, Mark.LOCKED, Mark.TODO);
        assertThat(shut.get(5).reason()).contains("every live node runs the target release");
        assertThat(marks(Journey.UPGRADE, true, status(Phase.EXPANDED, List.of(new PlannedStep(Optional.of(V400), V430)), gate(true))))
                .containsExactly(Mark.DONE, Mark.DONE, Mark.DONE, Mark.DONE, Mark.DONE, Mark.NEXT, Mark.TODO);
    }

    @Test
    void aDatabaseAtItsTargetShouldBeDoneThroughout() {
        assertThat(marks(Journey.UPGRADE, true, status(Phase.CLEAN, List.of(), gate(true))))
                .containsOnly(Mark.DONE);
    }

    @Test
    void aForeignDatabaseShouldLockTheWrites() {
        Optional<DatabaseStatus> foreign = Optional.of(new DatabaseStatus(report(StatusReport.Condition.FOREIGN,
                Optional.empty(), List.of()), Optional.empty(), Duration.ZERO));
        assertThat(marks(Journey.UPGRADE, true, foreign)).containsExactly(Mark.DONE, Mark.DONE, Mark.LOCKED,
                Mark.LOCKED, Mark.LOCKED, Mark.LOCKED, Mark.TODO);
        assertThat(marks(Journey.DEPLOY, true, foreign)).containsExactly(Mark.DONE, Mark.DONE, Mark.LOCKED, Mark.LOCKED);
    }

    @Test
    void anAbsentOrEmptyDatabaseShouldHaveDeployAsItsNextStep() {
        for (StatusReport.Condition condition : List.of(StatusReport.Condition.ABSENT, StatusReport.Condition.EMPTY)) {
            List<StepMark> steps = JourneySteps.of(Journey.DEPLOY, Optional.empty(), true, Optional.of(new DatabaseStatus(report(condition,
                    Optional.empty(), List.of(new PlannedStep(Optional.empty(), V400))), Optional.empty(), Duration.ZERO)));
            assertThat(steps).extracting(StepMark::mark).containsExactly(Mark.DONE, Mark.DONE, Mark.NEXT, Mark.LOCKED);
            assertThat(steps.get(3).reason()).isEqualTo("Comes after the deploy.");
        }
    }

    @Test
    void anInterruptedDeployShouldResumeOnTheDeployStep() {
        List<StepMark> steps = JourneySteps.of(Journey.DEPLOY, Optional.empty(), true, status(Phase.DEPLOYING, List.of(), Optional.empty()));
        assertThat(steps).extracting(StepMark::mark).containsExactly(Mark.DONE, Mark.DONE, Mark.NEXT, Mark.LOCKED);
        assertThat(steps.get(2).reason()).contains("resumes");
    }

    @Test
    void aDeployedDatabaseShouldBeDoneThroughoutTheDeployJourney() {
        // deployed at an older release than the catalog's newest: the deploy journey is still over
        assertThat(marks(Journey.DEPLOY, true, status(Phase.CLEAN, List.of(new PlannedStep(Optional.of(V400), V430)),
                Optional.empty()))).containsOnly(Mark.DONE);
    }

    @Test
    void theInspectJourneysReportShouldOpenOnceTheDatabaseWasRead() {
        assertThat(marks(Journey.INSPECT, false, Optional.empty())).containsExactly(Mark.NEXT, Mark.TODO, Mark.LOCKED);
        assertThat(marks(Journey.INSPECT, true, Optional.empty())).containsExactly(Mark.DONE, Mark.TODO, Mark.LOCKED);
        Optional<DatabaseStatus> foreign = Optional.of(new DatabaseStatus(report(StatusReport.Condition.FOREIGN,
                Optional.empty(), List.of()), Optional.empty(), Duration.ZERO));
        for (Optional<DatabaseStatus> read : List.of(status(Phase.EXPANDED, List.of(), gate(false)), foreign)) {
            assertThat(marks(Journey.INSPECT, true, read)).containsExactly(Mark.DONE, Mark.DONE, Mark.NEXT);
        }
    }

    @Test
    void theStepOfThePageShownShouldBeCurrentAndTheStepTheStateNamesNext() {
        Optional<DatabaseStatus> behind = status(Phase.CLEAN, List.of(new PlannedStep(Optional.of(V400), V430)), gate(false));
        List<StepMark> onStatus = JourneySteps.of(Journey.UPGRADE, JourneySteps.stepOf(Page.STATUS), true, behind);
        assertThat(onStatus).extracting(StepMark::mark).containsExactly(Mark.DONE, Mark.CURRENT, Mark.NEXT, Mark.TODO,
                Mark.LOCKED, Mark.LOCKED, Mark.TODO);
        assertThat(JourneySteps.of(Journey.UPGRADE, JourneySteps.stepOf(Page.CONNECT), true, behind)).extracting(StepMark::mark)
                .containsExactly(Mark.CURRENT, Mark.DONE, Mark.NEXT, Mark.TODO, Mark.LOCKED, Mark.LOCKED, Mark.TODO);
    }

    @Test
    void beforeConnectingTheConnectPageShouldBeCurrentAndWelcomeShouldMarkNoStepCurrent() {
        assertThat(JourneySteps.stepOf(Page.WELCOME)).isEmpty();
        assertThat(JourneySteps.of(Journey.INSPECT, JourneySteps.stepOf(Page.WELCOME), false, Optional.empty()))
                .extracting(StepMark::mark).containsExactly(Mark.NEXT, Mark.TODO, Mark.LOCKED);
        assertThat(JourneySteps.of(Journey.INSPECT, JourneySteps.stepOf(Page.CONNECT), false, Optional.empty()))
                .extracting(StepMark::mark).containsExactly(Mark.CURRENT, Mark.TODO, Mark.LOCKED);
    }

    @Test
    void aShownStepShouldKeepTheReasonItsStateGives() {
        List<StepMark> steps = JourneySteps.of(Journey.UPGRADE, Optional.of(Journey.Step.EXPAND), true,
                status(Phase.EXPANDING, List.of(new PlannedStep(Optional.of(V400), V430)), gate(false)));
        assertThat(steps.get(3).mark()).isEqualTo(Mark.CURRENT);
        assertThat(steps.get(3).reason()).contains("resumes");
    }

    private static List<Mark> marks(Journey journey, boolean connected, Optional<DatabaseStatus> status) {
        return JourneySteps.of(journey, Optional.empty(), connected, status).stream().map(StepMark::mark).toList();
    }

    private static Optional<DatabaseStatus> status(Phase phase, List<PlannedStep> steps, Optional<GateReport> nodes) {
        return Optional.of(new DatabaseStatus(report(StatusReport.Condition.MANAGED, Optional.of(phase), steps), nodes,
                Duration.ofMillis(5)));
    }

    static StatusReport report(StatusReport.Condition condition, Optional<Phase> phase, List<PlannedStep> steps) {
        return new StatusReport("MariaDB", "10.11.6", "cloud", "democloud", condition,
                phase.map(p -> V400), phase, phase.filter(p -> p != Phase.CLEAN).map(p -> V430), V430,
                List.of(V400, V430), steps, Optional.of(V400), Optional.of(V400), Optional.empty(), List.of(), Map.of(),
                List.of(), Optional.empty(), new NextAction.Nothing(V400));
    }

    /** The pages' "Next" buttons follow this rule, as the sidebar does. */
    @Test
    void nodesAreRestartedOnlyOnceExpandedWithTheGateOpenOrTheCleanupBegun() {
        assertThat(JourneySteps.nodesRestarted(Optional.of(Phase.EXPANDED), gate(true))).isTrue();
        assertThat(JourneySteps.nodesRestarted(Optional.of(Phase.EXPANDED), gate(false))).isFalse();
        assertThat(JourneySteps.nodesRestarted(Optional.of(Phase.EXPANDED), Optional.empty()))
                .as("without a registry the admin says so on the Restart nodes page").isFalse();
        assertThat(JourneySteps.nodesRestarted(Optional.of(Phase.CLEANING), gate(false))).isTrue();
        assertThat(JourneySteps.nodesRestarted(Optional.of(Phase.CLEAN), gate(true))).isFalse();
        assertThat(JourneySteps.nodesRestarted(Optional.of(Phase.EXPANDING), gate(true))).isFalse();
        assertThat(JourneySteps.nodesRestarted(Optional.empty(), gate(true))).isFalse();
    }

    private static Optional<GateReport> gate(boolean open) {
        return Optional.of(new GateReport(V430, List.of(new NodeStatus("ms-1", open ? "4.3.0" : "4.0.0", "Up",
                Duration.ofSeconds(1), NodeStatus.Liveness.LIVE, open ? NodeStatus.Verdict.READY : NodeStatus.Verdict.WAITING,
                open ? "runs 4.3.0" : "runs 4.0.0"))));
    }
}
