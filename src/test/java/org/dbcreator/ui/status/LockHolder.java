package org.dbcreator.ui.status;

import java.io.IOException;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.AdvisoryLock;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;

/**
 * Another operator's process: takes the database's operator lock as {@code holder}, says "held"
 * on its output, and keeps the lock until its input closes. Arguments: host port user database
 * holder; the password comes in DBCREATOR_PASSWORD.
 */
public final class LockHolder {

    private LockHolder() {}

    public static void main(String[] args) throws IOException {
        ConnectionSettings settings = new ConnectionSettings(args[0], Integer.parseInt(args[1]), args[3], args[2],
                Secret.of(System.getenv().getOrDefault("DBCREATOR_PASSWORD", "")), TlsMode.PREFERRED, Optional.empty());
        try (DbCreator engine = DbCreator.connect(Catalog.bundled(), settings, ProgressListener.NONE);
                AdvisoryLock held = AdvisoryLock.acquire(engine.database(), "upgrade", args[4])) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() != -1) {
                // keep the lock until the test closes our input
            }
        }
    }
}
