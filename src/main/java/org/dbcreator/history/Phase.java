package org.dbcreator.history;

/** Where the product database stands in its life cycle (DESIGN.md, "Database states"). */
public enum Phase {
    /** A first deploy is under way or was interrupted. */
    DEPLOYING,
    /** The schema is at one release; only nodes of that release are supported. */
    CLEAN,
    /** Expand scripts are being applied or were interrupted. */
    EXPANDING,
    /** Every expand up to the target is applied; nodes of every release in the range work. */
    EXPANDED,
    /** Cleanup scripts are being applied or were interrupted. */
    CLEANING,
    /** Rollback scripts are undoing expanded steps, or were interrupted: only the older releases may run. */
    ROLLING_BACK;

    /** True while an operation is unfinished: the next run must resume it. */
    public boolean isInterruptible() {
        return this == DEPLOYING || this == EXPANDING || this == CLEANING || this == ROLLING_BACK;
    }
}
