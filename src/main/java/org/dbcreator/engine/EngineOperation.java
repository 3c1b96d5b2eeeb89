package org.dbcreator.engine;

import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.Database;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressListener;

/** The collaborators every operation class uses, taken from one {@link OperationContext}. */
abstract class EngineOperation {

    protected final OperationContext context;
    protected final Catalog catalog;
    protected final Database database;
    protected final JdbcHistory history;
    protected final ProgressListener listener;
    protected final String installedBy;
    protected final Cancellation cancellation;

    EngineOperation(OperationContext context) {
        this.context = context;
        this.catalog = context.catalog();
        this.database = context.database();
        this.history = context.history();
        this.listener = context.listener();
        this.installedBy = context.installedBy();
        this.cancellation = context.cancellation();
    }
}
