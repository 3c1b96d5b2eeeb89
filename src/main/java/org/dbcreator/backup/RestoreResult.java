package org.dbcreator.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A finished restore.
 *
 * @param stockDump true for a dump of mysqldump/mariadb-dump rather than of DatabaseCreator
 * @param checksumsCompared true when every table's content checksum matched the manifest;
 *     false when there was no manifest, and only row counts could be compared
 * @param notes what the restore could not tell, e.g. that checksums are unknown
 */
public record RestoreResult(String database, Path file, boolean stockDump, long statements, long tables, long rows,
        boolean checksumsCompared, Duration duration, List<String> notes) {

    public RestoreResult {
        notes = List.copyOf(notes);
    }
}
