package org.dbcreator.engine;

import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.Database;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressListener;

/**
 * What every operation works with, wired once by {@link DbCreator}.
 *
 * @param installedBy who runs it ("account (os-user on host)"), as the history records it
 * @param cancellation the front end's stop, honoured where the operation can stop cleanly
 */
record OperationContext(Catalog catalog, Database database, JdbcHistory history, ProgressListener listener,
        String installedBy, Cancellation cancellation) {

    /** The same collaborators, quiet: for an operation that only looks (status asking for checks). */
    OperationContext quiet() {
        return new OperationContext(catalog, database, history, ProgressListener.NONE, installedBy, cancellation);
    }
}
