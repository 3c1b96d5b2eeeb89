package org.dbcreator.ui.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * Another operator's process running a real expand: after the first data-migration batch is
 * committed with its journal row it says "paused SCRIPT BATCH" on its output and waits, holding
 * the operator lock, until its input closes; then it finishes the expand and says "finished".
 * Arguments: host port user database; the password comes in DBCREATOR_PASSWORD.
 */
public final class RunningExpand {

    private RunningExpand() {}

    public static void main(String[] args) {
        ConnectionSettings settings = new ConnectionSettings(args[0], Integer.parseInt(args[1]), args[3], args[2],
                Secret.of(System.getenv().getOrDefault("DBCREATOR_PASSWORD", "")), TlsMode.PREFERRED, Optional.empty());
        AtomicBoolean paused = new AtomicBoolean();
        ProgressListener pausing = event -> {
            if (event instanceof ProgressEvent.BatchDone batch && paused.compareAndSet(false, true)) {
                System.out.println("paused " + batch.migration() + " " + batch.batch());
                System.out.flush();
                try {
                    while (System.in.read() != -1) {
                        // hold the run (and its lock) until the test lets go
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        try (DbCreator engine = DbCreator.connect(Catalog.bundled(), settings, pausing)) {
            engine.upgrade(Optional.empty(), false, BackupPolicy.skip());
        }
        System.out.println("finished");
    }
}
