package org.dbcreator.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code dbcreator backup verify} found: the file is whole (its checksum matches the manifest,
 * every statement parses, it ends with its completion line, it holds the rows the manifest
 * records) and, with a restore test, it restores to exactly what the manifest records.
 *
 * @param rows rows per table, as read from the file
 * @param restoreTest the restore into a scratch database, when one was asked for
 * @param recordedRestoreTest whether the product database's history now marks the backup as restore-tested
 */
public record VerifyResult(Path file, boolean stockDump, Optional<BackupManifest> manifest, long statements,
        Map<String, Long> rows, Optional<RestoreResult> restoreTest, boolean recordedRestoreTest, List<String> notes) {

    public VerifyResult {
        rows = Map.copyOf(rows);
        notes = List.copyOf(notes);
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
