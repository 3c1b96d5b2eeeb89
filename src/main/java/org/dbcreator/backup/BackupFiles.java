package org.dbcreator.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The two files of a backup, {@code NAME.sql.gz} and {@code NAME.manifest.json} side by side. Both
 * are written as {@code *.partial}, synced, then renamed, manifest first: the dump appearing under
 * its own name is the moment the backup exists, so a crash or a full disk never leaves a file that
 * looks like a good backup.
 */
public record BackupFiles(Path dump, Path manifest) {

    static final String DUMP_SUFFIX = ".sql.gz";
    static final String MANIFEST_SUFFIX = ".manifest.json";
    static final String PARTIAL_SUFFIX = ".partial";
    private static final Pattern PARTIAL_NAME = Pattern.compile(
            "(-[0-9][0-9A-Za-z.+_]*)?-[0-9]{8}T[0-9]{6}Z(-[0-9]+)?(\\.sql\\.gz|\\.manifest\\.json)\\.partial");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The files of the dump at {@code dump} (ours or a stock one, whose manifest is absent). */
    public static BackupFiles of(Path dump) {
        String name = dump.getFileName().toString();
        String base = name.endsWith(DUMP_SUFFIX) ? name.substring(0, name.length() - DUMP_SUFFIX.length())
                : name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
        return new BackupFiles(dump, dump.resolveSibling(base + MANIFEST_SUFFIX));
    }

    /** A new name in {@code directory}, e.g. cloud-4.1.0-20261125T101500Z.sql.gz, not used yet. */
    static BackupFiles newIn(Path directory, String database, String version, Instant now) {
        String base = database + (version.isEmpty() ? "" : "-" + version) + "-" + STAMP.format(now);
        for (int n = 1; ; n++) {
            BackupFiles files = of(directory.resolve(base + (n == 1 ? "" : "-" + n) + DUMP_SUFFIX));
            if (!Files.exists(files.dump()) && !Files.exists(files.partialDump())) {
                return files;
            }
        }
    }

    /**
     * True for a partial file that {@link #newIn} names for {@code database}: the database, an
     * optional release, the UTC time, an optional counter. Database names hold no '-', so another
     * database's files never match.
     */
    static boolean isPartialOf(String fileName, String database) {
        return fileName.startsWith(database + "-") && PARTIAL_NAME.matcher(fileName.substring(database.length())).matches();
    }

    Path partialDump() {
        return dump.resolveSibling(dump.getFileName() + PARTIAL_SUFFIX);
    }

    Path partialManifest() {
        return manifest.resolveSibling(manifest.getFileName() + PARTIAL_SUFFIX);
    }

    /** Removes whatever partial files a failed backup left; never the finished ones. */
    void deletePartials() {
        for (Path partial : new Path[] {partialDump(), partialManifest()}) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a partial file left behind is named as such and never taken for a backup
            }
        }
    }
}
