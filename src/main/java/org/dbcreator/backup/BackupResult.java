package org.dbcreator.backup;

import java.time.Duration;
import java.util.List;

/**
 * A finished, verified backup.
 *
 * @param recorded whether it was recorded in {@code dbcreator_backup}, where the upgrade looks for it
 * @param warnings what the backup cannot promise, e.g. tables outside the snapshot
 */
public record BackupResult(BackupFiles files, BackupManifest manifest, Duration duration, boolean recorded,
        List<String> warnings) {

    public BackupResult {
        warnings = List.copyOf(warnings);
    }
}
