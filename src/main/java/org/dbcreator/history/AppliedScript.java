package org.dbcreator.history;

import java.time.Instant;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;

/**
 * A row of {@code dbcreator_history}: one script (or data migration) applied in full.
 *
 * @param script the catalog path of the script, or the class name of a data migration
 * @param checksum the script's checksum when it ran; an edit afterwards is refused
 * @param statements how many statements (or migration batches) ran
 */
public record AppliedScript(
        String runId,
        String operation,
        Version version,
        ScriptKind kind,
        String script,
        String checksum,
        int statements,
        String installedBy,
        Instant startedAt,
        Instant finishedAt) {

    public long executionMillis() {
        return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
