package org.dbcreator.history;

import java.time.Duration;
import java.util.Optional;
import org.dbcreator.catalog.Version;

/**
 * A row of {@code dbcreator_backup}: a verified backup, or an operator's decision to upgrade
 * without one.
 *
 * @param file where the backup was written; empty for a skip
 * @param verification FILE or RESTORE_TEST for a backup; empty for a skip
 * @param age how long ago, by the server's clock, the backup was complete or the skip recorded
 */
public record BackupRecord(
        Kind kind,
        Optional<Version> schemaVersion,
        Optional<String> file,
        Optional<String> verification,
        String recordedBy,
        Duration age) {

    public enum Kind {
        BACKUP,
        SKIPPED
    }
}
