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
     * @param shown the step of the page the window shows, if the page is one of the journey's steps:
     *     marked {@link StepMark.Mark#CURRENT}, keeping the reason the database gives for it
     * @param connected whether a database is open
     * @param status the last status read from it, if any
     */
    public static List<StepMark> of(Journey journey, Optional<Journey.Step> shown, boolean connected,
            Optional<DatabaseStatus> status) {
        List<StepMark> marks = new ArrayList<>();
        for (Journey.Step step : journey.steps()) {
            boolean deployStep = journey == Journey.DEPLOY && (step == Journey.Step.DEPLOY || step == Journey.Step.DONE);
            StepMark mark = deployStep && connected && status.isPresent() ? deployJourney(step, status.get().report())
                    : mark(step, connected, status.map(DatabaseStatus::report), status.flatMap(DatabaseStatus::nodes));
            marks.add(shown.equals(Optional.of(step)) ? new StepMark(step, StepMark.Mark.CURRENT, mark.reason()) : mark);
        }
        return marks;
    }

    /** The sidebar step a page belongs to; empty for a page outside every journey's steps (Welcome). */
    public static Optional<Journey.Step> stepOf(Page page) {
        return switch (page) {
            case WELCOME -> Optional.empty();
            case CONNECT -> Optional.of(Journey.Step.CONNECT);
            case STATUS -> Optional.of(Journey.Step.STATUS);
            case REPORT -> Optional.of(Journey.Step.REPORT);
            case DEPLOY -> Optional.of(Journey.Step.DEPLOY);
            case DONE -> Optional.of(Journey.Step.DONE);
            case BACKUP -> Optional.of(Journey.Step.BACKUP);
            case EXPAND -> Optional.of(Journey.Step.EXPAND);
            case RESTART_NODES -> Optional.of(Journey.Step.RESTART_NODES);
            case CLEANUP -> Optional.of(Journey.Step.CLEANUP);
            case ROLLBACK -> Optional.empty();
        };
    }

    private static StepMark mark(Journey.Step step, boolean connected, Optional<StatusReport> report,
            Optional<GateReport> nodes) {
        if (step == Journey.Step.CONNECT) {
            return new StepMark(step, connected ? StepMark.Mark.DONE : StepMark.Mark.NEXT, "");
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
            case REPORT -> next(step, ""); // the database was read: a report of it can be made now
            default -> todo(step);
        };
    }

    /**
     * The deploy journey's Deploy and Done, from the database: an absent or empty database is to be
     * deployed (current), a deploy stopped half way resumes there, a deployed one is done, and a
     * database holding someone else's tables is locked.
     */
    private static StepMark deployJourney(Journey.Step step, StatusReport r) {
        boolean deployed = r.condition() == StatusReport.Condition.MANAGED && r.phase().isPresent()
                && r.phase().get() != Phase.DEPLOYING;
        boolean interrupted = r.condition() == StatusReport.Condition.MANAGED
                && r.phase().filter(p -> p == Phase.DEPLOYING).isPresent();
        if (r.condition() == StatusReport.Condition.FOREIGN) {
            return locked(step, "lock.foreign");
        }
        if (step == Journey.Step.DEPLOY) {
            return deployed ? done(step) : next(step, interrupted ? "lock.interrupted" : "");
        }
        return deployed ? done(step) : locked(step, "lock.deployFirst");
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
        return next(step, "");
    }

    private static StepMark expand(Journey.Step step, StatusReport r, boolean atTarget) {
        Optional<Phase> phase = r.phase();
        if (atTarget || phase.filter(p -> p == Phase.EXPANDED || p == Phase.CLEANING).isPresent()) {
            return done(step);
        }
        if (phase.filter(p -> p == Phase.EXPANDING).isPresent()) {
            return next(step, "lock.interrupted");
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
        return nodesRestarted(phase, nodes) ? done(step) : next(step, "lock.nodesWaiting");
    }

    /**
     * Whether the Restart nodes step is behind an expanded database: its node registry's gate is open
     * (every node runs the new release, or none is registered), or the cleanup has begun. A product
     * without a registry never says so: its admin restarts the nodes by hand and says so on that page.
     * The pages' "Next" buttons follow the sidebar by this rule.
     */
    public static boolean nodesRestarted(Optional<Phase> phase, Optional<GateReport> nodes) {
        return phase.filter(p -> p == Phase.EXPANDED || p == Phase.CLEANING).isPresent()
                && (nodes.filter(GateReport::isOpen).isPresent() || phase.get() == Phase.CLEANING);
    }

    private static StepMark cleanup(Journey.Step step, Optional<Phase> phase, boolean atTarget,
            Optional<GateReport> nodes) {
        if (atTarget) {
            return done(step);
        }
        if (phase.filter(p -> p == Phase.CLEANING).isPresent()) {
            return next(step, "lock.interrupted");
        }
        if (phase.filter(p -> p == Phase.EXPANDED).isEmpty()) {
            return locked(step, "lock.expandFirst");
        }
        return nodes.filter(GateReport::isOpen).isPresent() || nodes.isEmpty() ? next(step, "")
                : locked(step, "lock.gateShut");
    }

    private static StepMark done(Journey.Step step) {
        return new StepMark(step, StepMark.Mark.DONE, "");
    }

    private static StepMark todo(Journey.Step step) {
        return new StepMark(step, StepMark.Mark.TODO, "");
    }

    private static StepMark next(Journey.Step step, String reasonKey) {
        return new StepMark(step, StepMark.Mark.NEXT, reasonKey.isEmpty() ? "" : Messages.get(reasonKey));
    }

    private static StepMark locked(Journey.Step step, String reasonKey) {
        return new StepMark(step, StepMark.Mark.LOCKED, Messages.get(reasonKey));
    }
}
