package org.dbcreator.backup;

import java.nio.file.Path;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * A backup or restore in a JVM of its own, so that a test can cap its heap ({@code -Xmx64m}) or
 * kill it. Arguments: backup|restore|replace host port user database path (the folder to back up
 * into, or the file to restore) [haltAt]; the password comes in DBCREATOR_PASSWORD. Prints the
 * dump's path and the heap limit in effect, and exits 0 only when the operation succeeded. With
 * haltAt, it dies abruptly ({@code Runtime.halt}: no finally blocks, no connection closed) at the
 * first notice that starts with it, or at the first table progress for "TableProgress".
 */
public final class Forked {

    private Forked() {}

    public static void main(String[] args) {
        ConnectionSettings settings = new ConnectionSettings(args[1], Integer.parseInt(args[2]), args[4], args[3],
                Secret.of(System.getenv().getOrDefault("DBCREATOR_PASSWORD", "")), TlsMode.PREFERRED, Optional.empty());
        ProgressListener listener = args.length > 6 ? halting(args[6]) : ProgressListener.NONE;
        try (DbCreator engine = DbCreator.connect(Catalog.bundled(), settings, listener)) {
            if (args[0].equals("backup")) {
                System.out.println("dump " + engine.backup(BackupRequest.to(Path.of(args[5]))).files().dump());
            } else {
                RestoreRequest request = args[0].equals("replace") ? RestoreRequest.intoEmpty().replacing()
                        : RestoreRequest.intoEmpty();
                RestoreResult restored = engine.restore(Path.of(args[5]), request);
                System.out.println("restored " + restored.rows() + " rows, checksums compared " + restored.checksumsCompared());
            }
            System.out.println("max heap " + Runtime.getRuntime().maxMemory());
        } catch (RuntimeException | Error e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static ProgressListener halting(String haltAt) {
        return event -> {
            boolean at = haltAt.equals("TableProgress") ? event instanceof ProgressEvent.TableProgress
                    : event instanceof ProgressEvent.Notice n && n.message().startsWith(haltAt);
            if (at) {
                System.out.println("halting at " + event);
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
        };
    }
}
