package org.dbcreator.history;

import java.time.Instant;
import java.util.Optional;
import org.dbcreator.catalog.Version;

/**
 * The single {@code dbcreator_state} row: what product nodes read to learn whether they may run.
 *
 * @param schemaVersion the release the schema fully is at; empty until the first deploy finishes
 * @param targetVersion the release the current or last operation aims at
 * @param lowestRelease the oldest node release that may run against the schema now
 * @param highestRelease the newest node release that may run against the schema now
 * @param runId the unfinished run to resume, if any
 * @param runOptions what the unfinished run was asked for beyond its target, so a resume does the same
 */
public record DatabaseState(
        String product,
        Optional<Version> schemaVersion,
        Version targetVersion,
        Phase phase,
        Optional<Version> lowestRelease,
        Optional<Version> highestRelease,
        Optional<String> runId,
        Optional<String> runOptions,
        Instant updatedAt) {

    /** A finished deploy or cleanup: the schema is at {@code version} and only that release runs. */
    public static DatabaseState clean(String product, Version version) {
        return new DatabaseState(product, Optional.of(version), version, Phase.CLEAN,
                Optional.of(version), Optional.of(version), Optional.empty(), Optional.empty(), Instant.now());
    }

    public DatabaseState inPhase(Phase newPhase, Version target, String newRunId) {
        return new DatabaseState(product, schemaVersion, target, newPhase, lowestRelease, highestRelease,
                Optional.of(newRunId), Optional.empty(), Instant.now());
    }
}
