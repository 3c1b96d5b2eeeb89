package org.dbcreator.engine;

import java.util.Optional;
import java.util.Set;
import org.dbcreator.catalog.Version;

/**
 * What the operator asked of a rollback.
 *
 * @param target the release to return to; default: the release the expand started from (an
 *     interrupted rollback goes on to its own target)
 * @param excludedNodes stale nodes of a newer release the operator declares gone for good, by name
 * @param exclusionConfirmed the operator confirms the exclusions (they are recorded with who and when)
 */
public record RollbackRequest(Optional<Version> target, boolean dryRun, Set<String> excludedNodes,
        boolean exclusionConfirmed) {

    public RollbackRequest {
        excludedNodes = Set.copyOf(excludedNodes);
    }

    /** Back to the release the expand started from, no nodes excluded. */
    public static RollbackRequest toOldRelease() {
        return new RollbackRequest(Optional.empty(), false, Set.of(), false);
    }

    public static RollbackRequest preview() {
        return new RollbackRequest(Optional.empty(), true, Set.of(), false);
    }
}
