package org.dbcreator.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.AdvisoryLock;
import org.dbcreator.db.Database;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.JdbcHistory;

/**
 * {@code dbcreator backup}: a consistent logical backup of the product database, taken without
 * blocking the running nodes, written as a compressed SQL file that the stock client restores by
 * itself plus a manifest; read back and checked before it gets its name, then recorded in
 * {@code dbcreator_backup} so that an upgrade can find it.
 */
public final class BackupOperation {

    static final String NAME = "backup";
    /** INSERT statements end near this size: well below every server's and client's packet limit. */
    static final int STATEMENT_BYTES = 1 << 20;

    private final Database database;
    private final JdbcHistory history;
    private final ProgressListener listener;
    private final String takenBy;
    private final Cancellation cancellation;

    /**
     * @param takenBy who takes it, e.g. "admin@% (ops on build-7)", for the history
     * @param cancellation stops the lock wait, the reading and the writing; the partial files go
     */
    public BackupOperation(Database database, JdbcHistory history, ProgressListener listener, String takenBy,
            Cancellation cancellation) {
        this.database = database;
        this.history = history;
        this.listener = listener;
        this.takenBy = takenBy;
        this.cancellation = cancellation;
    }

    /** @param lockHeld true when the caller (an upgrade) already holds the operator lock */
    public BackupResult run(BackupRequest request, boolean lockHeld) throws SQLException {
        Instant started = Instant.now();
        SystemDatabases.refuse(database.databaseName(), "backed up");
        requireDatabase();
        AdvisoryLock lock = lockHeld ? null : AdvisoryLock.acquire(database, NAME, takenBy); // a refusal makes no folder
        try {
            cancellation.throwIfCancelled();
            BackupTarget target = BackupTarget.prepare(request.directory(), request.output());
            listener.onEvent(new ProgressEvent.BackupStarted(database.databaseName(), target.directory()));
            long dataBytes = dataBytes();
            target.requireSpace(dataBytes, database.databaseName());
            Optional<DatabaseState> state;
            try (Connection c = database.productConnection()) {
                state = history.readState(c);
            }
            target.removeStalePartials(database.databaseName());
            String version = state.flatMap(DatabaseState::schemaVersion).map(Version::toString).orElse("");
            BackupFiles files = BackupFiles.newIn(target.directory(), database.databaseName(), version, started);
            try {
                Taken taken = write(request, files, started, dataBytes);
                BackupManifest manifest = taken.manifest();
                listener.onEvent(new ProgressEvent.Notice("Reading the backup back to check it ..."));
                BackupCheck.checkWritten(files, manifest, taken.readBack());
                cancellation.throwIfCancelled(); // the last moment before the files get a backup's name
                target.publish(files);
                boolean recorded = record(manifest, files, started);
                listener.onEvent(new ProgressEvent.BackupFinished(database.databaseName(), files.dump(),
                        manifest.tables().stream().mapToLong(BackupManifest.TableEntry::rows).sum(), manifest.file().bytes()));
                return new BackupResult(files, manifest, Duration.between(started, Instant.now()), recorded,
                        manifest.warnings());
            } catch (IOException e) {
                throw target.failure(e);
            } finally {
                files.deletePartials();
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /** A backup written and synced, with what its file reads back as. */
    private record Taken(BackupManifest manifest, ReadBack.Read readBack) {}

    private Taken write(BackupRequest request, BackupFiles files, Instant started, long dataBytes)
            throws IOException, SQLException {
        int wanted = dataBytes < request.parallelFromBytes() ? 1 : request.connections();
        try (Snapshot snapshot = Snapshot.open(database, wanted, request.lockWait(),
                reason -> listener.onEvent(new ProgressEvent.Notice(reason)), cancellation)) {
            Optional<DatabaseState> state = history.readState(snapshot.first()); // as of the snapshot
            DumpSchema schema = new SchemaReader(snapshot.first(), database.databaseName()).read();
            schema.warnings().forEach(w -> listener.onEvent(new ProgressEvent.Notice("Warning: " + w)));
            listener.onEvent(new ProgressEvent.TablesPlanned(schema.tables().stream().map(DumpSchema.Table::shape)
                    .map(t -> new ProgressEvent.PlannedTable(t.name(), t.withData() ? t.estimatedRows() : 0, false))
                    .toList()));
            List<DumpUnit> units = DumpPlan.units(schema, snapshot.connections().size(), request.rangeRows(), snapshot.first());
            listener.onEvent(new ProgressEvent.Notice("Backing up " + database.databaseName() + " (" + schema.tables().size()
                    + " tables) to " + files.dump() + ": " + snapshot.description() + "."));
            BackupProgress progress = new BackupProgress(listener, units, schema.estimatedRows());
            DumpFileWriter.Written written;
            try (DumpFileWriter writer = new DumpFileWriter(request.output(), files.partialDump(), request.compressionLevel());
                    ReadBack readBack = follow(files.partialDump())) {
                List<BackupManifest.TableEntry> engines = schema.tables().stream()
                        .map(t -> new BackupManifest.TableEntry(t.shape().name(), t.shape().engine(), 0, "0")).toList();
                BackupManifest draft = manifest(state, started, started, snapshot, schema,
                        new BackupManifest.DumpFile(files.dump().getFileName().toString(), 0, ""), engines);
                StringBuilder head = new StringBuilder(DumpScript.header(database.databaseName(), describe(state), tool(),
                        database.server().describe(), started.toString(), snapshot.description(), DumpFacts.identityLine(draft)));
                schema.tables().forEach(t -> head.append(DumpScript.table(t)));
                writer.writeText(head.toString());
                readBack.written(writer.bytes());
                new ParallelDump(snapshot, database.databaseName(), STATEMENT_BYTES, request.compressionLevel(), cancellation)
                        .run(units, block -> {
                            if (block.gzip().length > 0) {
                                writer.write(block.gzip());
                                readBack.written(writer.bytes());
                            }
                            progress.add(block);
                        });
                List<BackupManifest.TableEntry> tables = new ArrayList<>();
                for (DumpSchema.Table t : schema.tables()) {
                    ContentChecksum sum = progress.checksum(t.shape().name());
                    tables.add(new BackupManifest.TableEntry(t.shape().name(), t.shape().engine(), sum.rows(), sum.hex()));
                }
                long rows = tables.stream().mapToLong(BackupManifest.TableEntry::rows).sum();
                writer.writeText(DumpScript.trailer(schema, tables.size(), rows, DumpFacts.rowsLines(tables)));
                written = writer.finish();
                readBack.synced(written.bytes());
                ReadBack.Read read = readBackResult(readBack, files);
                BackupManifest manifest = manifest(state, started, Instant.now(), snapshot, schema,
                        new BackupManifest.DumpFile(files.dump().getFileName().toString(), written.bytes(), written.sha256()),
                        tables);
                writeManifest(request.output(), files, manifest);
                return new Taken(manifest, read);
            }
        }
    }

    /** Reads the dump back as it is written (see {@link ReadBack}). */
    private static ReadBack follow(Path dump) {
        try {
            return ReadBack.follow(dump);
        } catch (IOException e) {
            throw cannotReadBack(dump, e);
        }
    }

    private static ReadBack.Read readBackResult(ReadBack readBack, BackupFiles files) {
        try {
            return readBack.result();
        } catch (IOException e) {
            throw cannotReadBack(files.partialDump(), e);
        }
    }

    private static DbCreatorException cannotReadBack(Path dump, IOException e) {
        return new DbCreatorException(ErrorCode.BACKUP_DAMAGED, "Cannot read back " + dump + ": " + e.getMessage() + ".", e);
    }

    /** The manifest; before the rows are written, a draft whose identity the dump's header states. */
    private BackupManifest manifest(Optional<DatabaseState> state, Instant started, Instant finished, Snapshot snapshot,
            DumpSchema schema, BackupManifest.DumpFile file, List<BackupManifest.TableEntry> tables) {
        return new BackupManifest(BackupManifest.FORMAT, database.databaseName(), state.map(DatabaseState::product),
                state.flatMap(DatabaseState::schemaVersion).map(Version::toString), state.map(s -> s.phase().name()), tool(),
                database.server().versionText(), started, finished, snapshot.description(), schema.characterSet(),
                schema.collation(), file, tables, schema.objectNames(), schema.warnings());
    }

    private static void writeManifest(BackupOutput output, BackupFiles files, BackupManifest manifest) throws IOException {
        try (BackupOutput.Sink sink = output.create(files.partialManifest())) {
            sink.write(ManifestJson.write(manifest).getBytes(StandardCharsets.UTF_8));
            sink.sync();
        }
    }

    /** Only a database the tool manages gets a history row: an unmanaged one is left exactly as it was. */
    private boolean record(BackupManifest manifest, BackupFiles files, Instant started) {
        if (manifest.product().isEmpty()) {
            return false;
        }
        try (Connection c = database.productConnection()) {
            history.createTables(c); // a database deployed by an older release may lack dbcreator_backup
            history.recordBackup(c, manifest.schemaVersion().map(Version::parse), files.dump().toString(),
                    manifest.file().sha256(), manifest.file().bytes(), takenBy, started);
            return true;
        } catch (SQLException e) {
            listener.onEvent(new ProgressEvent.Notice("The backup is complete, but it could not be recorded in"
                    + " dbcreator_backup (" + e.getMessage() + "); an upgrade will not find it."));
            return false;
        }
    }

    /** The database exists and is not half-restored (its backup would pass for a complete one). */
    private void requireDatabase() throws SQLException {
        try (Connection c = database.serverConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database.databaseName());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new DbCreatorException(ErrorCode.DATABASE_NOT_FOUND, "There is no database '"
                            + database.databaseName() + "' on " + database.settings().host() + ":" + database.settings().port() + ".");
                }
            }
            RestoreMarker.refuseUnfinished(c, database.databaseName());
        }
    }

    /** The size of the rows as the server stores them: what the destination must have room for. */
    private long dataBytes() throws SQLException {
        try (Connection c = database.serverConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(SUM(DATA_LENGTH), 0) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?")) {
            ps.setString(1, database.databaseName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String describe(Optional<DatabaseState> state) {
        return state.map(s -> ": " + s.product() + " " + s.schemaVersion().map(Version::toString).orElse("(deploying)")
                + " (" + s.phase() + ")").orElse(" (not managed by DatabaseCreator)");
    }

    static String tool() {
        String version = BackupOperation.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
