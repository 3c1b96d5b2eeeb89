package org.dbcreator.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder a backup goes to: made ready and measured before anything is written, and the
 * place where finished files get their names. Turns the file system's failures into errors that
 * say what to do.
 */
final class BackupTarget {

    /** A partial file untouched this long belongs to no running backup. */
    static final Duration STALE_AFTER = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(BackupTarget.class);

    private final Path directory;
    private final BackupOutput output;

    private BackupTarget(Path directory, BackupOutput output) {
        this.directory = directory;
        this.output = output;
    }

    static BackupTarget prepare(Path directory, BackupOutput output) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new DbCreatorException(ErrorCode.BACKUP_DESTINATION_UNWRITABLE, absolute + " is a file, not a folder.");
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.BACKUP_DESTINATION_UNWRITABLE, "Cannot create the folder " + absolute + ": "
                    + reason(e) + ".", e);
        }
        return new BackupTarget(absolute, output);
    }

    Path directory() {
        return directory;
    }

    /** Refuses before writing when the folder's disk has less room than the database's data. */
    void requireSpace(long dataBytes, String database) {
        long usable;
        try {
            usable = output.usableSpace(directory);
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.BACKUP_DESTINATION_UNWRITABLE, "Cannot tell the free space at " + directory
                    + ": " + reason(e) + ".", e);
        }
        if (usable < dataBytes) {
            throw new DbCreatorException(ErrorCode.BACKUP_DESTINATION_FULL, "The backup of '" + database + "' needs up to "
                    + megabytes(dataBytes) + " (the size of its data), but only " + megabytes(usable) + " is free at "
                    + directory + ". Nothing was written.");
        }
    }

    /**
     * Gives the finished files their names, manifest first: the dump appearing is the moment the
     * backup exists. Then syncs the folder so that the names survive a crash.
     */
    void publish(BackupFiles files) throws IOException {
        Files.move(files.partialManifest(), files.manifest(), StandardCopyOption.ATOMIC_MOVE);
        Files.move(files.partialDump(), files.dump(), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException ignored) {
            // not every file system lets a folder be synced; the renames are done either way
        }
    }

    /**
     * Deletes the partial files that earlier backups of {@code database} left when they were killed.
     * Called under the database's operator lock, so no backup of it from this server is writing;
     * a file written to in the last minute is kept all the same, in case a backup from another
     * server with a database of the same name writes into the same folder.
     */
    void removeStalePartials(String database) {
        Instant writtenBefore = Instant.now().minus(STALE_AFTER);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : files.filter(f -> BackupFiles.isPartialOf(f.getFileName().toString(), database)).toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(writtenBefore) && Files.deleteIfExists(p)) {
                    LOG.info("deleted {}, left by a backup that was stopped", p);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not remove old partial backup files in {}: {}", directory, e.getMessage());
        }
    }

    /** A write that failed: a full disk, or a folder or disk that refuses writes. */
    DbCreatorException failure(IOException e) {
        String reason = reason(e);
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("quota") || lower.contains("not enough space")) {
            return new DbCreatorException(ErrorCode.BACKUP_DESTINATION_FULL, "The disk at " + directory + " filled up during"
                    + " the backup (" + reason + "). The partial files were removed.", e);
        }
        return new DbCreatorException(ErrorCode.BACKUP_DESTINATION_UNWRITABLE, "Cannot write the backup to " + directory
                + ": " + reason + ". The partial files were removed.", e);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT).startsWith("read-only") ? "the disk is read-only" : fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
