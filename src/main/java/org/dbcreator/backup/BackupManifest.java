package org.dbcreator.backup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a backup holds, written next to it as {@code NAME.manifest.json}: enough to check the file
 * without a server (size, SHA-256, rows per table) and, with one, to prove a restore complete
 * (content checksums per table).
 *
 * @param product the product and schema release from {@code dbcreator_state}, when the database is managed
 * @param consistency how the rows were read, e.g. "one consistent snapshot on 3 connections"
 * @param warnings what the backup cannot promise, e.g. a table that is not InnoDB
 */
public record BackupManifest(
        int format,
        String database,
        Optional<String> product,
        Optional<String> schemaVersion,
        Optional<String> phase,
        String tool,
        String server,
        Instant startedAt,
        Instant finishedAt,
        String consistency,
        String characterSet,
        String collation,
        DumpFile file,
        List<TableEntry> tables,
        List<String> objects,
        List<String> warnings) {

    public static final int FORMAT = 1;

    /** @param name the dump's file name, without folder */
    public record DumpFile(String name, long bytes, String sha256) {}

    /** @param checksum see ContentChecksum: order-independent, the same after a restore */
    public record TableEntry(String name, String engine, long rows, String checksum) {}

    public BackupManifest {
        tables = List.copyOf(tables);
        objects = List.copyOf(objects);
        warnings = List.copyOf(warnings);
    }

    public long rows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }
}
