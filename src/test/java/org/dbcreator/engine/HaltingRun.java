package org.dbcreator.engine;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * A separate process that runs an upgrade or cleanup and dies abruptly ({@code Runtime.halt}: no
 * finally blocks, no connection closed) after a given number of statements and batches, or never
 * (0) so that the test can kill it from outside. Arguments: host port user database
 * operation(upgrade|cleanup) haltAfter [catalogDir]; the password comes in DBCREATOR_PASSWORD.
 */
public final class HaltingRun {

    private HaltingRun() {}

    public static void main(String[] args) {
        ConnectionSettings settings = new ConnectionSettings(args[0], Integer.parseInt(args[1]), args[3], args[2],
                Secret.of(System.getenv().getOrDefault("DBCREATOR_PASSWORD", "")), TlsMode.PREFERRED, Optional.empty());
        int haltAfter = Integer.parseInt(args[5]);
        Catalog catalog = args.length > 6 ? Catalog.fromDirectory(Path.of(args[6])) : Catalog.bundled();
        AtomicInteger done = new AtomicInteger();
        ProgressListener halting = event -> {
            boolean step = event instanceof ProgressEvent.StatementDone || event instanceof ProgressEvent.BatchDone;
            if (step && done.incrementAndGet() == haltAfter) {
                Runtime.getRuntime().halt(137);
            }
        };
        try (DbCreator engine = DbCreator.connect(catalog, settings, halting)) {
            if (args[4].equals("upgrade")) {
                engine.upgrade(Optional.empty(), false, BackupPolicy.skip());
            } else {
                engine.cleanup(CleanupRequest.withConfirmation());
            }
        }
        System.out.println("finished after " + done.get() + " steps");
    }
}
