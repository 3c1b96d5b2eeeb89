package org.dbcreator.ui.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dbcreator.engine.ProbeReport;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressListener;

/**
 * Everything the wizard asks of the engine, in the wizard's words. The pages talk to this
 * interface only, so that the engine's results can change shape (typed next actions, a layered
 * connection probe) behind one class. Calls block: run them through the window's executor, never
 * on the FX thread. One database is open at a time.
 */
public interface WizardService extends AutoCloseable {

    /** The CLI's connection profiles (and the demo's, once it ran), newest first; never a password. */
    List<RecentConnection> recentConnections();

    /** The profile {@code --profile} names: a name in the profile folder, or a file (a path with '/' or ending in .properties). */
    RecentConnection profile(String nameOrFile);

    /**
     * The engine's layered connection probe: each layer (reachable, TLS, signed in, server release,
     * database, privileges) with its verdict, the certificate presented, what the grants allow.
     * An expected failure is a failed layer, not an exception.
     */
    ProbeReport test(ConnectionRequest request);

    /** Connects (closing any database opened before) and keeps the connection for the pages that follow. */
    ConnectedDatabase connect(ConnectionRequest request);

    /** The open database's state as the status page shows it, read from the server now. */
    DatabaseStatus status();

    /** The dry run of the open database's next deploy (absent or empty) or expand: changes nothing. */
    DryRun preview();

    /**
     * Starts the embedded demo server with its database and {@code nodes} demo nodes at work, and
     * connects to it. Progress goes to {@code progress}, on the calling thread.
     */
    ConnectedDatabase startDemo(int nodes, ProgressListener progress);

    /** Where the Backup page suggests writing the backup: a folder of the user's data folder. */
    Path defaultBackupFolder();

    /** Bytes free for a new file at {@code destination} (the nearest existing folder above it counts). */
    long freeSpace(Path destination);

    /**
     * Takes a consistent backup of the open database into {@code destination}, reads it back and,
     * with {@code restoreTest}, restores it into a scratch database and compares it. Progress (tables
     * planned, per-table rows and bytes, the restore test's) goes to {@code progress}. A cancelled
     * backup throws CANCELLED and leaves no file under a backup's name.
     */
    BackupSummary backup(Path destination, boolean restoreTest, ProgressListener progress, Cancellation cancellation);

    /**
     * Records that the admin has a backup of their own, confirmed by typing the database's name
     * (refused, recording nothing, when it is not). The backup check then shows amber, never green.
     */
    void recordOwnBackup(String typedDatabaseName);

    /**
     * Runs (or resumes) the expand of the open database to the catalog's latest release, resting
     * between data-migration batches as {@code pace} says. It needs a recent backup in the history
     * (verified, or the admin's own recorded). Cancelled, it stops between statements or batches and
     * throws CANCELLED; run again, it resumes.
     */
    UpgradeResult expand(ExpandPace pace, ProgressListener progress, Cancellation cancellation);

    /** Where an interrupted expand stands, read from the server; empty when no expand is interrupted. */
    Optional<ExpandPosition> expandPosition();

    /** Disconnects, stops the demo nodes and the demo server this service started. */
    @Override
    void close();
}
