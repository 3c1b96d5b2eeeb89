package org.dbcreator.engine;

import java.util.Optional;
import org.dbcreator.catalog.Version;

/**
 * One hop of a plan: the baseline of a deploy (no {@code from}), or a step from one release to the next.
 */
public record PlannedStep(Optional<Version> from, Version to) {

    static PlannedStep baseline(Version version) {
        return new PlannedStep(Optional.empty(), version);
    }

    static PlannedStep step(Version from, Version to) {
        return new PlannedStep(Optional.of(from), to);
    }

    public boolean isBaseline() {
        return from.isEmpty();
    }
}
