package org.dbcreator.ui.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.history.Phase;
import org.dbcreator.ui.service.DatabaseStatus;

/**
 * The sidebar's marks, derived each time from what the database said (its phase, versions and
 * nodes), never from what the window remembers: a step is done only when the database says so.
 */
public final class JourneySteps {

    private JourneySteps() {}

    /**
     * @param connected whether a database is open
     * @param status the last status read from it, if any
     */
    public static List<StepMark> of(Journey journey, boolean connected, Optional<DatabaseStatus> status) {
        List<StepMark> marks = new ArrayList<>();
        for (Journey.Step step : journey.steps()) {
            marks.add(mark(step, connected, status.map(DatabaseStatus::report), status.flatMap(DatabaseStatus::nodes)));
        }
        return marks;
    }

    private static StepMark mark(Journey.Step step, boolean connected, Optional<StatusReport> report,
            Optional<GateReport> nodes) {
        if (step == Journey.Step.CONNECT) {
            return new StepMark(step, connected ? StepMark.Mark.DONE : StepMark.Mark.CURRENT, "");
        }
        if (!connected || report.isEmpty()) {
            return step == Journey.Step.STATUS ? todo(step) : locked(step, "lock.connectFirst");
        }
        if (step == Journey.Step.STATUS) {
            return new StepMark(step, StepMark.Mark.DONE, "");
        }
        StatusReport r = report.get();
        Optional<Phase> phase = r.phase();
        boolean atTarget = phase.equals(Optional.of(Phase.CLEAN)) && r.plannedSteps().isEmpty();
        return switch (step) {
            case BACKUP -> phase.filter(p -> p == Phase.EXPANDING || p == Phase.EXPANDED || p == Phase.CLEANING)
                    .isPresent() || atTarget || backupReady(r) ? done(step) : startable(step, r);
            case EXPAND -> expand(step, r, atTarget);
            case RESTART_NODES -> restartNodes(step, phase, atTarget, nodes);
            case CLEANUP -> cleanup(step, phase, atTarget, nodes);
            case DEPLOY -> r.condition() == StatusReport.Condition.MANAGED && phase.isPresent()
                    && phase.get() != Phase.DEPLOYING ? done(step)
                    : r.condition() == StatusReport.Condition.FOREIGN ? locked(step, "lock.foreign") : todo(step);
            case DONE -> atTarget ? done(step) : todo(step);
            case REPORT -> todo(step);
            default -> todo(step);
        };
    }

    /** The expand's backup check lets it start: a recent backup (verified, or the admin's own) is recorded. */
    private static boolean backupReady(StatusReport r) {
        return r.checks().map(c -> c.checks().stream().anyMatch(check -> check.id() == PreflightCheck.Id.BACKUP
                && !check.isRed())).orElse(false);
    }

    /** The first write of the upgrade: possible on a managed, clean database that is behind its target. */
    private static StepMark startable(Journey.Step step, StatusReport r) {
        if (r.condition() != StatusReport.Condition.MANAGED) {
            return locked(step, "lock.notManaged");
        }
        if (r.phase().filter(Phase::isInterruptible).isPresent()) {
            return locked(step, "lock.resumeFirst");
        }
        return current(step, "");
    }

    private static StepMark expand(Journey.Step step, StatusReport r, boolean atTarget) {
        Optional<Phase> phase = r.phase();
        if (atTarget || phase.filter(p -> p == Phase.EXPANDED || p == Phase.CLEANING).isPresent()) {
            return done(step);
        }
        if (phase.filter(p -> p == Phase.EXPANDING).isPresent()) {
            return current(step, "lock.interrupted");
        }
        StepMark first = startable(step, r);
        return first.mark() == StepMark.Mark.LOCKED || backupReady(r) ? first : todo(step); // the backup comes first
    }

    private static StepMark restartNodes(Journey.Step step, Optional<Phase> phase, boolean atTarget,
            Optional<GateReport> nodes) {
        if (atTarget) {
            return done(step);
        }
        if (phase.filter(p -> p == Phase.EXPANDED || p == Phase.CLEANING).isEmpty()) {
            return locked(step, "lock.expandFirst");
        }
        return nodes.filter(GateReport::isOpen).isPresent() || phase.get() == Phase.CLEANING ? done(step)
                : current(step, "lock.nodesWaiting");
    }

    private static StepMark cleanup(Journey.Step step, Optional<Phase> phase, boolean atTarget,
            Optional<GateReport> nodes) {
        if (atTarget) {
            return done(step);
        }
        if (phase.filter(p -> p == Phase.CLEANING).isPresent()) {
            return current(step, "lock.interrupted");
        }
        if (phase.filter(p -> p == Phase.EXPANDED).isEmpty()) {
            return locked(step, "lock.expandFirst");
        }
        return nodes.filter(GateReport::isOpen).isPresent() || nodes.isEmpty() ? current(step, "")
                : locked(step, "lock.gateShut");
    }

    private static StepMark done(Journey.Step step) {
        return new StepMark(step, StepMark.Mark.DONE, "");
    }

    private static StepMark todo(Journey.Step step) {
        return new StepMark(step, StepMark.Mark.TODO, "");
    }

    private static StepMark current(Journey.Step step, String reasonKey) {
        return new StepMark(step, StepMark.Mark.CURRENT, reasonKey.isEmpty() ? "" : Messages.get(reasonKey));
    }

    private static StepMark locked(Journey.Step step, String reasonKey) {
        return new StepMark(step, StepMark.Mark.LOCKED, Messages.get(reasonKey));
    }
}
