package org.dbcreator.engine;

import java.util.Optional;
import org.dbcreator.catalog.Version;

/**
 * One hop of a plan: the baseline of a deploy (no {@code from}), or a step from one release to the next.
 *
 * @param rollbackAvailable the step has a rollback script, so until its cleanup its expand can be
 *     undone without a backup (never for a baseline)
 */
public record PlannedStep(Optional<Version> from, Version to, boolean rollbackAvailable) {

    /** A step with a way back (a baseline has none). */
    public PlannedStep(Optional<Version> from, Version to) {
        this(from, to, from.isPresent());
    }

    static PlannedStep baseline(Version version) {
        return new PlannedStep(Optional.empty(), version, false);
    }

    static PlannedStep step(Version from, Version to) {
        return new PlannedStep(Optional.of(from), to, true);
    }

    static PlannedStep step(Version from, Version to, boolean rollbackAvailable) {
        return new PlannedStep(Optional.of(from), to, rollbackAvailable);
    }

    public boolean isBaseline() {
        return from.isEmpty();
    }
}
