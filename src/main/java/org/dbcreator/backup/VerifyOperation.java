package org.dbcreator.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.Database;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.history.JdbcHistory;

/**
 * {@code dbcreator backup verify FILE [--restore-test]}: checks a backup file without a server
 * and, on request, restores it into a scratch database, compares every table with the manifest
 * and drops the scratch database again.
 */
public final class VerifyOperation {

    private final Catalog catalog;
    private final Database server;
    private final JdbcHistory history;
    private final ProgressListener listener;
    private final String verifiedBy;
    private final Cancellation cancellation;

    /** @param server a connection to the server to test on; its database, if it holds the backup's history, learns of the test */
    public VerifyOperation(Catalog catalog, Database server, JdbcHistory history, ProgressListener listener,
            String verifiedBy, Cancellation cancellation) {
        this.catalog = catalog;
        this.server = server;
        this.history = history;
        this.listener = listener;
        this.verifiedBy = verifiedBy;
        this.cancellation = cancellation;
    }

    /** The checks that need no server. */
    public static VerifyResult checkFile(Path file) {
        return verified(BackupCheck.check(file, true));
    }

    private static VerifyResult verified(BackupCheck.Result check) {
        Path file = check.dump();
        DumpScan.Result scan = check.scan().orElseThrow();
        List<String> notes = new ArrayList<>(check.notes());
        notes.add(0, BackupOrigin.describe(check));
        return new VerifyResult(file, check.kind() == DumpInput.Kind.STOCK, check.manifest(), scan.statements(), scan.rows(),
                Optional.empty(), false, notes);
    }

    /**
     * The file's checks and the restore into a scratch database, compared with the manifest. The
     * file is read once more after its checksum: its statements are checked as they load (see
     * {@link RestoreOperation#testInScratch}), rather than in a pass of their own first.
     */
    public VerifyResult restoreTest(Path file, int connections) throws SQLException {
        String scratch = "dbcreator_verify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        listener.onEvent(new ProgressEvent.Notice("Restoring into the scratch database '" + scratch + "' to compare ..."));
        RestoreOperation.ScratchTest test;
        try (Database scratchDatabase = Database.connect(server.settings().withDatabase(scratch))) {
            try {
                test = new RestoreOperation(catalog, scratchDatabase, listener, verifiedBy, cancellation)
                        .testInScratch(file, new RestoreRequest(false, connections, false));
            } finally {
                new RestoreTarget(scratchDatabase).dropDatabase();
                listener.onEvent(new ProgressEvent.Notice("Dropped the scratch database '" + scratch + "'."));
            }
        }
        VerifyResult checked = verified(test.check());
        RestoreResult restored = test.restored();
        List<String> notes = new ArrayList<>(checked.notes());
        restored.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        boolean recorded = restored.checksumsCompared() && recordTest(checked.manifest().orElseThrow());
        return new VerifyResult(file, checked.stockDump(), checked.manifest(), checked.statements(), checked.rows(),
                Optional.of(restored), recorded, notes);
    }

    /** Marks the backup restore-tested in the product database it came from, when that is the one connected to. */
    private boolean recordTest(BackupManifest manifest) {
        if (!manifest.database().equals(server.databaseName())) {
            return false;
        }
        try (Connection c = server.productConnection()) {
            return history.recordRestoreTested(c, manifest.file().sha256()) > 0;
        } catch (SQLException e) {
            return false; // the database is elsewhere or gone; the test itself stands
        }
    }
}
