package org.dbcreator.engine;

import java.util.List;
import java.util.Optional;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.JournalEntry;

/**
 * What a read-only look at the product database found; status reports it and every operation
 * decides from it before changing anything.
 *
 * @param productObjects tables, views, routines, triggers and events that are not the tool's own
 * @param interrupted statements of the unfinished run that never recorded their end
 */
record Inspection(
        boolean exists,
        Optional<DatabaseState> state,
        List<AppliedScript> applied,
        List<String> productObjects,
        List<JournalEntry> interrupted) {

    static Inspection absent() {
        return new Inspection(false, Optional.empty(), List.of(), List.of(), List.of());
    }

    boolean isManaged() {
        return state.isPresent();
    }

    /** Where the unfinished run stopped, if it did: the first statement that never recorded its end. */
    Optional<InterruptedStatement> interruption() {
        return interrupted.stream().findFirst().map(e -> new InterruptedStatement(e.script(), e.line(), e.index() + 1,
                e.outcome() == JournalEntry.Outcome.FAILED, e.error()));
    }

    /** Where the unfinished run stopped, in words: "; the server refused 4.1.0/expand.sql:7 (...)". */
    String whereInterrupted() {
        return interruption().map(i -> i.refused()
                ? "; the server refused " + i.script() + ":" + i.line() + i.serverError().map(m -> " (" + m + ")").orElse("")
                        + ", and runs that statement again once its cause is fixed"
                : "; it stopped during " + i.script() + ":" + i.line() + ", whose effect the resumed run judges from"
                        + " information_schema").orElse("");
    }

    /** An unmanaged database with objects of its own must not be touched. */
    boolean isForeign() {
        return state.isEmpty() && !productObjects.isEmpty();
    }
}
