package org.dbcreator.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dbcreator.db.Database;

/**
 * Proves a restored database holds what the backup held: the same tables and objects, and per
 * table the same row count and content checksum as the manifest, computed the same way. Tables
 * are read in parallel; nobody writes to a database being restored.
 */
final class ContentVerifier {

    private ContentVerifier() {}

    /** The differences from the manifest; empty when the restore is exact. */
    static List<String> differences(Database restored, BackupManifest manifest, int connections) throws SQLException {
        try (Snapshot readers = Snapshot.unaligned(restored, Math.max(1, Math.min(connections, manifest.tables().size())))) {
            DumpSchema schema = new SchemaReader(readers.first(), restored.databaseName()).read();
            List<String> differences = new ArrayList<>();
            compareNames("tables", manifest.tables().stream().map(BackupManifest.TableEntry::name).toList(),
                    schema.tables().stream().map(t -> t.shape().name()).toList(), differences);
            compareNames("objects", manifest.objects(), schema.objectNames(), differences);
            Map<String, ContentChecksum> found = checksums(readers, restored.databaseName(), schema);
            for (BackupManifest.TableEntry expected : manifest.tables()) {
                ContentChecksum actual = found.get(expected.name());
                if (actual != null && (actual.rows() != expected.rows() || !actual.hex().equals(expected.checksum()))) {
                    differences.add("table " + expected.name() + " has " + actual.rows() + " rows with checksum " + actual.hex()
                            + ", the manifest says " + expected.rows() + " rows with checksum " + expected.checksum());
                }
            }
            return differences;
        }
    }

    /** For a dump without a manifest: each table's row count against the rows the dump holds for it. */
    static List<String> countDifferences(Database restored, Map<String, Long> rows) throws SQLException {
        List<String> differences = new ArrayList<>();
        try (Snapshot readers = Snapshot.unaligned(restored, 1)) {
            DumpSchema schema = new SchemaReader(readers.first(), restored.databaseName()).read();
            for (DumpSchema.Table t : schema.tables()) {
                long expected = rows.getOrDefault(t.shape().name(), 0L);
                long actual = count(readers.first(), restored.databaseName(), t.shape().name());
                if (actual != expected) {
                    differences.add("table " + t.shape().name() + " has " + actual + " rows, the dump holds " + expected);
                }
            }
        }
        return differences;
    }

    /** Large tables are read in key ranges on several connections, as the backup did; range sums add up. */
    private static Map<String, ContentChecksum> checksums(Snapshot readers, String database, DumpSchema schema)
            throws SQLException {
        ConcurrentLinkedQueue<DumpUnit> pending = new ConcurrentLinkedQueue<>(DumpPlan.units(schema,
                readers.connections().size(), BackupRequest.DEFAULT_RANGE_ROWS, readers.first()));
        Map<String, ContentChecksum> found = new ConcurrentHashMap<>();
        schema.tables().forEach(t -> found.put(t.shape().name(), new ContentChecksum()));
        List<Thread> threads = new ArrayList<>();
        List<SQLException> failures = new CopyOnWriteArrayList<>();
        for (Connection c : readers.connections()) {
            Thread t = new Thread(() -> {
                TableHasher hasher = new TableHasher();
                try {
                    for (DumpUnit unit = pending.poll(); unit != null; unit = pending.poll()) {
                        if (unit.table().withData()) {
                            ContentChecksum part = hasher.checksum(c, database, unit);
                            found.computeIfPresent(unit.table().name(), (name, sum) -> {
                                sum.add(part);
                                return sum;
                            });
                        }
                    }
                } catch (SQLException e) {
                    failures.add(e);
                    pending.clear();
                }
            }, "dbcreator-verify");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while comparing checksums", e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return found;
    }

    private static long count(Connection c, String database, String table) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM " + SqlNames.quote(database) + "."
                + SqlNames.quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void compareNames(String what, List<String> expected, List<String> actual, List<String> differences) {
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        TreeSet<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        if (!missing.isEmpty()) {
            differences.add(what + " missing after the restore: " + String.join(", ", missing));
        }
        if (!extra.isEmpty()) {
            differences.add(what + " not in the backup: " + String.join(", ", extra));
        }
    }
}
