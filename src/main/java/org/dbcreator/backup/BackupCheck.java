package org.dbcreator.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Checks a backup file without a server: that it is a dump, that it is the file its manifest
 * describes (size and SHA-256) and that the manifest agrees with the dump's header, and, with a
 * full scan, that every statement passes {@link StatementCheck}, that it ends with its completion
 * line, that it holds the rows it states and its manifest records, and that it stays in the target
 * database. Verify and restore share these checks, so that verify refuses what restore would.
 */
final class BackupCheck {

    /**
     * @param scan the full scan, when one was made
     * @param notes what the check could not tell, e.g. that a stock dump has no checksums
     * @param manifestProved whether the dump repeats every identity field of the manifest (older dumps repeat a few)
     */
    record Result(Path dump, DumpInput.Kind kind, Optional<BackupManifest> manifest, Optional<DumpScan.Result> scan,
            List<String> notes, boolean manifestProved) {}

    private BackupCheck() {}

    /** @param fullScan false to stop after the manifest's size and checksum (which prove the whole file) */
    static Result check(Path dump, boolean fullScan) {
        return check(dump, fullScan, false);
    }

    /**
     * The checks before a load that hashes the file as it reads it ({@link DumpInput#openHashing}):
     * as {@code check(dump, false)}, but of the manifest's size and SHA-256 only the size now; the
     * load proves the SHA-256 ({@link #requireSameHash}) before anything it loaded is trusted.
     */
    static Result checkHashingLater(Path dump) {
        return check(dump, false, true);
    }

    private static Result check(Path dump, boolean fullScan, boolean hashLater) {
        DumpInput.Kind kind;
        boolean compressed;
        try (DumpInput.Opened opened = DumpInput.open(dump)) {
            kind = opened.kind();
            compressed = opened.compressed();
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.BACKUP_NOT_A_DUMP, "Cannot read " + dump + ": " + e.getMessage() + ".", e);
        }
        List<String> notes = new ArrayList<>();
        Optional<BackupManifest> manifest = kind == DumpInput.Kind.DBCREATOR ? readManifest(dump) : Optional.empty();
        if (manifest.isPresent() && hashLater) {
            requireSameSize(dump, manifest.get());
        } else if (manifest.isPresent()) {
            requireSameFile(dump, manifest.get());
        } else {
            notes.add(kind == DumpInput.Kind.STOCK
                    ? "A stock dump has no manifest: its row counts are read from the file; content checksums are unknown."
                    : "The manifest " + BackupFiles.of(dump).manifest().getFileName() + " is missing: the file's checksum"
                            + " and the content checksums are unknown.");
            if (!compressed) {
                notes.add("The dump is not compressed, so damage inside a value cannot be detected.");
            }
        }
        if (!fullScan && manifest.isPresent()) {
            DumpFacts.Stated header = DumpScan.header(dump);
            FactsCheck.requireManifestAgrees(dump, manifest.get(), header, notes);
            return new Result(dump, kind, manifest, Optional.empty(), notes, header.fullIdentity());
        }
        DumpScan.Result scan = DumpScan.scan(dump);
        return scanned(dump, manifest, scan, notes);
    }

    /**
     * The checks of a full scan once every statement has been read (each statement passed its own
     * as it was read): complete, in its own database, the rows it states and its manifest records.
     */
    static Result scanned(Path dump, Optional<BackupManifest> manifest, DumpScan.Result scan, List<String> notes) {
        if (!scan.complete()) {
            throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, dump + " is incomplete: it ends without its completion"
                    + " line (" + (scan.kind() == DumpInput.Kind.STOCK ? "-- Dump completed" : "-- " + DumpScript.COMPLETE)
                    + "), so it was cut short.");
        }
        requireOwnDatabase(dump, scan.elsewhere());
        if (scan.kind() == DumpInput.Kind.DBCREATOR) {
            FactsCheck.requireRowsAsStated(dump, scan.stated(), scan.rows(), notes);
        }
        manifest.ifPresent(m -> {
            FactsCheck.requireManifestAgrees(dump, m, scan.stated(), notes);
            requireRowsAsRecorded(dump, m, scan);
        });
        return new Result(dump, scan.kind(), manifest, Optional.of(scan), notes,
                manifest.isPresent() && scan.stated().fullIdentity());
    }

    /**
     * The read-back of a backup just written (still under its partial names): every byte of the dump
     * as the disk returns it ({@code readBack}, see {@link ReadBack}) against the size and SHA-256
     * computed while writing, and the manifest reads back as written. The statements themselves were made by the writer that counted the
     * rows; {@code backup verify} parses them all again when asked.
     */
    static void checkWritten(BackupFiles files, BackupManifest manifest, ReadBack.Read readBack) {
        requireSameSize(files.partialDump(), manifest);
        if (readBack.bytes() != manifest.file().bytes()) {
            throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, files.partialDump() + " reads back as " + readBack.bytes()
                    + " bytes, " + manifest.file().bytes() + " were written.");
        }
        requireSameHash(files.partialDump(), manifest, readBack.sha256());
        FactsCheck.requireManifestAgrees(files.partialDump(), manifest, DumpScan.header(files.partialDump()), new ArrayList<>());
        try {
            BackupManifest read = ManifestJson.read(Files.readString(files.partialManifest(), StandardCharsets.UTF_8),
                    files.partialManifest().toString());
            if (!read.equals(manifest)) {
                throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, files.partialManifest() + " reads back changed.");
            }
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, "Cannot read back " + files.partialManifest() + ": "
                    + e.getMessage() + ".", e);
        }
    }

    static Optional<BackupManifest> readManifest(Path dump) {
        Path file = BackupFiles.of(dump).manifest();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ManifestJson.read(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, "Cannot read the manifest " + file + ": "
                    + e.getMessage() + ".", e);
        }
    }

    /** Size first (a cut-short file says so plainly), then the SHA-256 of every byte. */
    static void requireSameFile(Path dump, BackupManifest manifest) {
        requireSameSize(dump, manifest);
        try {
            requireSameHash(dump, manifest, sha256(dump));
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, "Cannot read " + dump + ": " + e.getMessage() + ".", e);
        }
    }

    static void requireSameSize(Path dump, BackupManifest manifest) {
        try {
            long size = Files.size(dump);
            long expected = manifest.file().bytes();
            if (size != expected) {
                throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, dump + " has " + size + " bytes, its manifest says "
                        + expected + (size < expected ? ": the file was cut short." : ": the file was changed."));
            }
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, "Cannot read " + dump + ": " + e.getMessage() + ".", e);
        }
    }

    /** @param actual the SHA-256 of every byte of the file as it was read */
    static void requireSameHash(Path dump, BackupManifest manifest, String actual) {
        if (!actual.equals(manifest.file().sha256())) {
            throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, dump + " does not match its manifest: its SHA-256 is "
                    + actual + ", the manifest says " + manifest.file().sha256()
                    + ". The file was changed or damaged after the backup.");
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = DumpFileWriter.newSha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A dump made with --databases or --all-databases would write outside the target: refused. */
    static void requireOwnDatabase(Path file, List<String> elsewhere) {
        if (!elsewhere.isEmpty()) {
            throw new DbCreatorException(ErrorCode.BACKUP_NOT_A_DUMP, file + " names databases of its own ("
                    + elsewhere.get(0) + "), so it would not restore into the one asked for. Dump one database"
                    + " without --databases: mariadb-dump --single-transaction DATABASE.");
        }
    }

    private static void requireRowsAsRecorded(Path dump, BackupManifest manifest, DumpScan.Result scan) {
        Map<String, Long> recorded = new LinkedHashMap<>();
        manifest.tables().forEach(t -> recorded.put(t.name(), t.rows()));
        List<String> differences = new ArrayList<>();
        recorded.forEach((table, rows) -> {
            Long found = scan.rows().get(table);
            if (found == null) {
                differences.add("table " + table + " is missing");
            } else if (found.longValue() != rows) {
                differences.add("table " + table + " has " + found + " rows, the manifest says " + rows);
            }
        });
        scan.rows().keySet().stream().filter(t -> !recorded.containsKey(t))
                .forEach(t -> differences.add("table " + t + " is not in the manifest"));
        if (!differences.isEmpty()) {
            throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, dump + " does not hold what its manifest records: "
                    + String.join("; ", differences) + ".");
        }
    }
}
