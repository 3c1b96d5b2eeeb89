package org.dbcreator.engine;

import java.time.Instant;
import java.util.Optional;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressEvent;

/**
 * The database's state row was written: its phase, versions and the compatible range nodes read.
 *
 * @param from the phase before; empty for a database deployed just now; equal to the new phase
 *     when a run resumes its interrupted phase
 * @param state the state as written
 */
public record PhaseChanged(String database, Optional<Phase> from, DatabaseState state, Instant at)
        implements ProgressEvent.OperationEvent {

    public PhaseChanged(String database, Optional<Phase> from, DatabaseState state) {
        this(database, from, state, Instant.now());
    }

    public Phase to() {
        return state.phase();
    }
}
