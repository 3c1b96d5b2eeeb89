package org.dbcreator.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Where a report is saved, for both front ends: an existing file is kept unless the operator says
 * to replace it, and the text goes through a temporary file beside the target that is moved into
 * place, so a reader never sees half a report and a failure leaves none.
 */
public final class ReportFile {

    private ReportFile() {}

    /**
     * Refuses (INVALID_ARGUMENT) a target that cannot be written: an existing file without
     * {@code replace}, a directory, a folder that does not exist. Call it before the slow part.
     */
    public static void requireWritable(Path target, boolean replace) {
        Path file = target.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The report file " + file + " is a directory:"
                    + " give a file name, e.g. report.html.");
        }
        if (Files.exists(file) && !replace) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The report file " + file
                    + " exists: give another name, or allow replacing it (--force on the command line).");
        }
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The folder of the report file " + file
                    + " does not exist: create it first, or give another file.");
        }
    }

    /** Writes {@code text} (UTF-8) to {@code target} atomically where the file system can; checks as {@link #requireWritable}. */
    public static Path write(Path target, String text, boolean replace) {
        Path file = target.toAbsolutePath().normalize();
        requireWritable(file, replace);
        Path scratch = null;
        try {
            scratch = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
            Files.writeString(scratch, text, StandardCharsets.UTF_8);
            if (replace) {
                replace(scratch, file);
            } else {
                placeNew(scratch, file);
            }
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The report file " + file
                    + " appeared while the report was made: give another name, or allow replacing it (--force on the command line).", e);
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "Cannot write the report file " + file + ": " + e
                    + "; give a file the tool may write.", e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static void replace(Path scratch, Path file) throws IOException {
        try {
            Files.move(scratch, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(scratch, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A hard link appears whole and never replaces a file that appeared meanwhile; a plain move where links are not had. */
    private static void placeNew(Path scratch, Path file) throws IOException {
        try {
            Files.createLink(file, scratch);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException noLinks) {
            Files.move(scratch, file);
        }
    }

    private static void deleteQuietly(Path scratch) {
        if (scratch != null) {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException ignored) {
                // a leftover .part file is harmless
            }
        }
    }
}
