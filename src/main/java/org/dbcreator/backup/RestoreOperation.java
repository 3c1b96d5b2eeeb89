package org.dbcreator.backup;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipException;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.AdvisoryLock;
import org.dbcreator.db.Database;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * {@code dbcreator restore FILE --into DB}: replays a dump (DatabaseCreator's or a stock one) into a
 * new or empty database, or over a non-empty one when told to replace it. The file is proved whole
 * before anything changes; it is then loaded into a scratch database next to the target, every
 * table compared with the manifest, and only then moved into the target ({@link RestoreSwap}). A
 * refused or failed restore leaves the target as it was, old contents included.
 */
public final class RestoreOperation {

    static final String NAME = "restore";

    private final Catalog catalog;
    private final Database target;
    private final ProgressListener listener;
    private final String restoredBy;
    private final Cancellation cancellation;

    /** @param cancellation stops the load (between statements) and the comparison; the target stays as it was */
    public RestoreOperation(Catalog catalog, Database target, ProgressListener listener, String restoredBy,
            Cancellation cancellation) {
        this.catalog = catalog;
        this.target = target;
        this.listener = listener;
        this.restoredBy = restoredBy;
        this.cancellation = cancellation;
    }

    public RestoreResult run(Path file, RestoreRequest request) throws SQLException {
        Instant started = Instant.now();
        SystemDatabases.refuse(target.databaseName(), "restored into");
        BackupCheck.Result check = BackupCheck.check(file, false);
        List<String> notes = new ArrayList<>(check.notes());
        notes.add(0, BackupOrigin.describe(check));
        notes.forEach(this::notice);
        if (request.checkCatalog()) {
            requireCatalogAccepts(check);
        }
        ServerCharacterSets.require(target, check);
        try (AdvisoryLock lock = lockTarget()) {
            RestoreTarget restoreTarget = new RestoreTarget(target);
            RestoreTarget.Contents before = restoreTarget.contents();
            if (!before.isEmpty() && !request.replace()) {
                throw new DbCreatorException(ErrorCode.RESTORE_TARGET_NOT_EMPTY, "'" + target.databaseName() + "' is not empty: it"
                        + " holds " + before.describe() + ". A restore that replaces it drops all of it first.");
            }
            Optional<RestoreMarker.Mark> unfinished;
            try (Connection c = target.serverConnection()) {
                unfinished = RestoreMarker.read(c, target.databaseName());
            }
            unfinished.ifPresent(m -> notice(RestoreMarker.unfinished(target.databaseName(), m)));
            ScratchDatabase scratch = ScratchDatabase.create(target, check.manifest(), this::notice);
            try (scratch) {
                RestoreResult result = restore(scratch.database(), check, request, notes, started, false, false).result();
                if (!before.isEmpty()) {
                    notice("Replacing '" + target.databaseName() + "': dropping " + before.describe() + ". These are lost.");
                }
                cancellation.throwIfCancelled(); // the last moment: the swap itself is short and never stopped half-way
                swap(scratch, restoreTarget, before, check, unfinished.orElse(null), file);
                return result;
            } catch (RestoreSwap.NotPutBack e) {
                throw e;
            } catch (DbCreatorException e) {
                throw new DbCreatorException(e.code(), e.getMessage() + " '" + target.databaseName() + "' is as it was.", e);
            }
        }
    }

    /**
     * A restore test's findings: the file's checks with its full scan, and the restore.
     *
     * @param check the checks of {@link BackupCheck#check(Path, boolean)} with a full scan
     */
    record ScratchTest(BackupCheck.Result check, RestoreResult restored) {}

    /**
     * The restore test's restore: the target is a new scratch database of its own, which the
     * caller drops, so the file is loaded and compared right there, with no second scratch and no
     * swap (nor their privileges). The file is read once: with a manifest, its size is checked
     * first; the load gives each statement the full scan's checks before it runs and hashes every
     * byte it reads; the SHA-256 and the scan's whole-file checks are proved before the comparison.
     */
    ScratchTest testInScratch(Path file, RestoreRequest request) throws SQLException {
        Instant started = Instant.now();
        BackupCheck.Result check = BackupCheck.checkHashingLater(file);
        List<String> notes = new ArrayList<>(check.notes());
        notes.add(0, BackupOrigin.describe(check));
        if (request.checkCatalog()) {
            requireCatalogAccepts(check);
        }
        ServerCharacterSets.require(target, check);
        BackupManifest m = check.manifest().orElse(null);
        new RestoreTarget(target).create(m == null ? "utf8mb4" : m.characterSet(), m == null ? "" : m.collation());
        Loaded loaded = restore(target, check, request, notes, started, true, check.scan().isEmpty());
        return new ScratchTest(loaded.check(), loaded.result());
    }

    /** Moves the proved scratch database into the target, created first if absent (and removed again on failure). */
    private void swap(ScratchDatabase scratch, RestoreTarget restoreTarget, RestoreTarget.Contents before,
            BackupCheck.Result check, RestoreMarker.Mark unfinished, Path file) throws SQLException {
        if (!before.exists()) {
            BackupManifest m = check.manifest().orElse(null);
            restoreTarget.create(m == null ? "utf8mb4" : m.characterSet(), m == null ? "" : m.collation());
        }
        notice("Moving the restored tables into '" + target.databaseName() + "' ...");
        try {
            new RestoreSwap(target, target.databaseName(), scratch.name(), scratch.holdName(), this::notice)
                    .run(new RestoreMarker.Mark(file.toAbsolutePath().toString(), restoredBy, scratch.holdName()), unfinished);
        } catch (SQLException | RuntimeException e) {
            if (!before.exists()) {
                undo(restoreTarget);
            }
            throw e;
        }
    }

    /** A loaded and compared restore, and the file's checks, with the full scan when one was made while loading. */
    private record Loaded(RestoreResult result, BackupCheck.Result check) {}

    /** @param test true for a backup's restore test, whose scratch database the caller drops */
    private Loaded restore(Database into, BackupCheck.Result check, RestoreRequest request, List<String> notes,
            Instant started, boolean test, boolean scanWhileLoading) throws SQLException {
        Path file = check.dump();
        listener.onEvent(new ProgressEvent.RestoreStarted(into.databaseName(), file, test));
        notice("Restoring " + file.getFileName() + " into the scratch database '" + into.databaseName() + "' ...");
        check.manifest().ifPresent(m -> listener.onEvent(new ProgressEvent.TablesPlanned(m.tables().stream()
                .map(t -> new ProgressEvent.PlannedTable(t.name(), t.rows(), true)).toList())));
        int workers = check.kind() == DumpInput.Kind.DBCREATOR && request.connections() > 1 ? request.connections() : 0;
        long statements;
        RestoreProgress progress;
        BackupCheck.Result checked = check;
        // A load that checks each statement before it runs may prove the file's SHA-256 at its end, from
        // the bytes it read: the restore test does, and so reads the file once instead of twice.
        boolean hashing = scanWhileLoading && check.manifest().isPresent();
        try (DumpInput.Opened dump = hashing ? DumpInput.openHashing(file) : DumpInput.open(file)) {
            progress = new RestoreProgress(listener, dump.fractionRead());
            DumpScan.Tally tally = scanWhileLoading ? new DumpScan.Tally(file, dump, true) : null;
            DumpReader reader = tally != null ? tally.reader(dump.stream())
                    : new DumpReader(dump.stream(), file.getFileName().toString());
            try {
                statements = replay(into, reader, workers, progress, tally);
            } catch (DbCreatorException e) {
                if (hashing && (e.code() == ErrorCode.RESTORE_FAILED || e.code() == ErrorCode.BACKUP_DAMAGED)) {
                    requireAsRecordedQuietly(check, dump); // a changed file is what to report, not what it made the server do
                }
                throw e;
            }
            if (hashing) {
                requireAsRecorded(check, dump);
            }
            progress.finish();
            listener.onEvent(new ProgressEvent.RestoreFinished(into.databaseName(), progress.rows()));
            if (tally != null) {
                checked = BackupCheck.scanned(file, check.manifest(), tally.result(reader), new ArrayList<>(check.notes()));
            }
        } catch (EOFException | ZipException e) {
            throw DumpInput.damaged(file, e);
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, "Cannot read " + file + ": " + e.getMessage() + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbCreatorException(ErrorCode.RESTORE_FAILED, "The restore was interrupted.", e);
        }
        cancellation.throwIfCancelled();
        boolean compared = verify(into, check, progress, request, notes);
        return new Loaded(new RestoreResult(target.databaseName(), file, check.kind() == DumpInput.Kind.STOCK, statements,
                progress.rowsPerTable().size(), progress.rows(), compared, Duration.between(started, Instant.now()), notes),
                checked);
    }

    /**
     * With a manifest, the file just loaded must be the one it describes: its size was checked
     * before the load, its SHA-256 is proved here, from the bytes the load read, before the
     * comparison trusts anything loaded.
     */
    private static void requireAsRecorded(BackupCheck.Result check, DumpInput.Opened dump) throws IOException {
        if (check.manifest().isPresent()) {
            BackupCheck.requireSameHash(check.dump(), check.manifest().get(), dump.sha256OfWholeFile());
        }
    }

    private static void requireAsRecordedQuietly(BackupCheck.Result check, DumpInput.Opened dump) {
        try {
            requireAsRecorded(check, dump);
        } catch (IOException e) {
            // unreadable further: the load's own failure stands
        }
    }

    /** @param tally checks each statement before it runs, when the file is scanned while it loads */
    private long replay(Database into, DumpReader reader, int workers, RestoreProgress progress, DumpScan.Tally tally)
            throws IOException, SQLException, InterruptedException {
        long statements = 0;
        try (DumpExecutor executor = new DumpExecutor(into, workers, progress::executed)) {
            for (DumpStatement s = reader.next(); s != null; s = reader.next()) {
                cancellation.throwIfCancelled();
                statements++;
                if (tally != null) {
                    DumpStatement checked = s;
                    tally.accept(checked, reader.balanced()).ifPresent(insert -> progress.parsed(checked, insert));
                }
                refuseOnFailure(executor.execute(s));
                progress.read(s);
            }
            refuseOnFailure(executor.finish());
        }
        return statements;
    }

    /** With a manifest, every table's rows and checksum; without, at least every table's row count. */
    private boolean verify(Database into, BackupCheck.Result check, RestoreProgress progress, RestoreRequest request,
            List<String> notes) throws SQLException {
        List<String> differences;
        if (check.manifest().isPresent()) {
            notice("Comparing every table with the manifest ...");
            differences = ContentVerifier.differences(into, check.manifest().get(), request.connections());
        } else {
            differences = ContentVerifier.countDifferences(into, progress.rowsPerTable());
            notes.add("Row counts match the dump; without a manifest the content checksums are unknown.");
        }
        if (!differences.isEmpty()) {
            throw new DbCreatorException(ErrorCode.BACKUP_CONTENT_MISMATCH, "The restored database differs from the backup: "
                    + String.join("; ", differences) + ".");
        }
        return check.manifest().isPresent();
    }

    private void refuseOnFailure(DumpExecutor.Refusal refusal) {
        if (refusal != null) {
            SQLException e = refusal.error();
            throw new DbCreatorException(ErrorCode.RESTORE_FAILED, "Line " + refusal.statement().line() + " of the dump: the server"
                    + " refused it: " + e.getMessage() + " (error " + e.getErrorCode() + ") in: " + refusal.statement().excerpt()
                    + ".", e);
        }
    }

    private void requireCatalogAccepts(BackupCheck.Result check) {
        Optional<String> product = check.manifest().flatMap(BackupManifest::product)
                .or(() -> check.scan().flatMap(DumpScan.Result::product));
        Optional<String> version = check.manifest().flatMap(BackupManifest::schemaVersion)
                .or(() -> check.scan().flatMap(DumpScan.Result::schemaVersion));
        if (product.isPresent() && !product.get().equals(catalog.product())) {
            throw new DbCreatorException(ErrorCode.BACKUP_OTHER_PRODUCT, check.dump() + " is a backup of product "
                    + product.get() + ", this catalog is for " + catalog.product() + ". Nothing was changed.");
        }
        if (version.isPresent() && Version.parse(version.get()).isNewerThan(catalog.latestVersion())) {
            throw new DbCreatorException(ErrorCode.BACKUP_NEWER_THAN_CATALOG, check.dump() + " holds " + catalog.product() + " "
                    + version.get() + ", newer than this catalog's latest " + catalog.latestVersion() + ". Nothing was changed.");
        }
    }

    private AdvisoryLock lockTarget() {
        return AdvisoryLock.acquire(target, NAME, restoredBy);
    }

    private void undo(RestoreTarget restoreTarget) {
        try {
            restoreTarget.dropDatabase();
        } catch (SQLException e) {
            notice("Could not drop '" + target.databaseName() + "', created for the failed restore: " + e.getMessage());
        }
    }

    private void notice(String message) {
        listener.onEvent(new ProgressEvent.Notice(message));
    }
}
