package org.dbcreator.ui.app;

import java.util.List;

/** The three ways through the wizard (WIZARD.md, "Journeys"), each with the steps its sidebar lists. */
public enum Journey {
    UPGRADE(List.of(Step.CONNECT, Step.STATUS, Step.BACKUP, Step.EXPAND, Step.RESTART_NODES, Step.CLEANUP, Step.DONE)),
    DEPLOY(List.of(Step.CONNECT, Step.STATUS, Step.DEPLOY, Step.DONE)),
    INSPECT(List.of(Step.CONNECT, Step.STATUS, Step.REPORT));

    private final List<Step> steps;

    Journey(List<Step> steps) {
        this.steps = steps;
    }

    public List<Step> steps() {
        return steps;
    }

    /** A step of a journey, as the sidebar names it. */
    public enum Step {
        CONNECT, STATUS, BACKUP, EXPAND, RESTART_NODES, CLEANUP, DEPLOY, REPORT, DONE;

        public String label() {
            return Messages.get("step." + name().toLowerCase());
        }
    }
}
