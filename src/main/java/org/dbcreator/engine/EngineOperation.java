package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.Database;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.history.Phase;
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

    /** Writes the state row the nodes read, and reports the phase it leaves and the one it enters. */
    protected void writeState(Connection c, Optional<Phase> from, DatabaseState state) throws SQLException {
        history.writeState(c, state);
        listener.onEvent(new PhaseChanged(database.databaseName(), from, state));
    }
}
