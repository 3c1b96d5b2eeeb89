package org.dbcreator.ui.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.DeployResult;
import org.dbcreator.engine.ProbeReport;
import org.dbcreator.history.BackupRecord;
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

    /**
     * The same as {@link #status()}, for a periodic read off the engine's thread (the Status page
     * following another operator's run): an implementation whose calls share one connection reads
     * it on a connection of its own.
     */
    default DatabaseStatus statusPoll() {
        return status();
    }

    /** The dry run of the open database's next deploy (absent or empty) or expand: changes nothing. */
    DryRun preview();

    /**
     * Writes the open database's support report (the CLI's {@code report}): the self-contained HTML
     * file {@code html} and the same facts as JSON beside it ({@link ExportedReport#jsonBeside}).
     * Read-only on the server. Refuses (INVALID_ARGUMENT) before reading anything when either file
     * exists and {@code replace} is false.
     */
    ExportedReport exportReport(java.nio.file.Path html, boolean replace);

    /**
     * Starts the embedded demo server with its database and {@code nodes} demo nodes at work, and
     * connects to it. Progress goes to {@code progress}, on the calling thread.
     */
    ConnectedDatabase startDemo(int nodes, ProgressListener progress);

    /** The releases the catalog can deploy, newest first. Needs no connection (the catalog is bundled). */
    List<Version> releases();

    /**
     * How many rows, over all tables, a deploy with {@code sampleRows} sample rows writes, as the
     * catalog's sample generator tells it; empty when it cannot tell. Needs no connection.
     */
    OptionalLong sampleRowsTotal(long sampleRows);

    /**
     * Deploys {@code release} into the open database (absent or empty; an interrupted deploy is
     * resumed), loading {@code sampleRows} sample rows (0: none) right after the baseline. Progress
     * goes to {@code progress} on the calling thread; cancelled, it stops between statements or
     * batches and throws CANCELLED, leaving an interrupted deploy that a new one resumes.
     */
    DeployResult deploy(Version release, long sampleRows, ProgressListener progress, Cancellation cancellation);

    /** The open database's newest backups and recorded skips, newest first; empty when it keeps none. */
    List<BackupRecord> recentBackups();
    /**
     * The open database's nodes judged by the cleanup gate, with the exclusions made in this window.
     * Safe to call from a thread of its own while another call runs (the Restart nodes page polls it
     * every two seconds): it reads on a second, read-only connection.
     */
    NodeBoard nodes();

    /**
     * Declares the stale node {@code name} gone for good, so that it no longer keeps the gate shut;
     * {@code typedName} must be its name as the operator typed it. Refused, changing nothing, for a
     * node that is live or unknown. The exclusion holds for this window's cleanup, which records it
     * with the operator's name in the audit table.
     */
    NodeBoard excludeNode(String name, String typedName);

    /** How to restart a node on the new release in the product's words, when its catalog says. */
    Optional<String> restartInstructions();

    /** The cleanup's dry run: what it would run and its checks now. Changes nothing. */
    CleanupPlan cleanupPreview();

    /** Runs the cleanup (irreversible) with the exclusions made in this window; progress goes to {@code progress}. */
    UpgradeResult cleanup(ProgressListener progress, Cancellation cancellation);

    /** The demo nodes this window runs (or ran and killed), by name; empty without the demo. */
    List<String> demoNodes();

    /** Stops demo node {@code name} cleanly and starts it again on the release the database is expanded to. */
    NodeBoard restartDemoNode(String name);

    /** Ends demo node {@code name} as a crash would: its heartbeat goes stale. */
    NodeBoard killDemoNode(String name);

    /**
     * The rollback's dry run ("Abort upgrade"): what it would undo, and whether it may run now, with
     * the reason when not (nodes to restart back first, named; no rollback script; the cleanup ran).
     * Changes nothing.
     */
    default RollbackPlan rollbackPreview() {
        throw new UnsupportedOperationException("rollbackPreview");
    }

    /**
     * Rolls the open database back to the release its expand started from (resuming an interrupted
     * rollback); progress goes to {@code progress}. Cancelled, it stops between statements and
     * throws CANCELLED; run again, it resumes. Without {@code acceptDataLoss} it is refused
     * (ROLLBACK_DROPS_DATA, nothing written) when it would drop data only the newer release wrote.
     */
    default UpgradeResult rollback(boolean acceptDataLoss, ProgressListener progress, Cancellation cancellation) {
        throw new UnsupportedOperationException("rollback");
    }

    /**
     * Excludes {@code name}, a gone node of a newer release that keeps the way back shut, from the
     * rollback's gate (once its name is typed exactly: CONFIRMATION_REQUIRED otherwise); the rollback
     * records the exclusion with who and when. Returns the dry run read again. Writes nothing.
     */
    default RollbackPlan excludeFromRollback(String name, String typedName) {
        throw new UnsupportedOperationException("excludeFromRollback");
    }

    /** Stops demo node {@code name} cleanly and starts it again on {@code release} (the old one, before a rollback). */
    default NodeBoard restartDemoNode(String name, Version release) {
        throw new UnsupportedOperationException("restartDemoNode");
    }

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

    /** Where an interrupted cleanup stands, read from the server; empty when no cleanup is interrupted. */
    Optional<CleanupPosition> cleanupPosition();

    /** Disconnects, stops the demo nodes and the demo server this service started. */
    @Override
    void close();
}
