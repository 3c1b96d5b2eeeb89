package org.dbcreator.ui.app;

/**
 * One line of the sidebar: a step and its mark, with the reason a step is locked or current.
 *
 * @param reason why the step is locked, or what it waits for; empty for a step done or to do
 */
public record StepMark(Journey.Step step, Mark mark, String reason) {

    public enum Mark {
        /** The database says it is done. */
        DONE,
        /** What the operator is on, or what the database waits for next. */
        CURRENT,
        /** Later; nothing stands in its way but the steps before it. */
        TODO,
        /** Cannot start yet, and {@code reason} says why. */
        LOCKED
    }
}
