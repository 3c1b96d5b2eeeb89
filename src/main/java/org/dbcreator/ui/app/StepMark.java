package org.dbcreator.ui.app;

/**
 * One line of the sidebar: a step and its mark, with the reason a step is locked or current.
 *
 * @param reason why the step is locked, or what it waits for; empty for a step done or to do
 *     (a step shown keeps the reason its state gives)
 */
public record StepMark(Journey.Step step, Mark mark, String reason) {

    public enum Mark {
        /** The database says it is done. */
        DONE,
        /** The step of the page the window shows. */
        CURRENT,
        /** What the database's state says comes next (a step to start, or a run to resume). */
        NEXT,
        /** Later; nothing stands in its way but the steps before it. */
        TODO,
        /** Cannot start yet, and {@code reason} says why. */
        LOCKED
    }
}
