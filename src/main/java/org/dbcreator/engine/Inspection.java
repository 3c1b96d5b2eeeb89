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

    /** Where the unfinished run stopped, in words, and what the next run does about it. */
    record Interruption(String where, String fix, boolean refused) {}

    /** A refused statement runs again once its cause is fixed; an interrupted one is judged. */
    Optional<Interruption> interruption() {
        return interrupted.stream().findFirst().map(e -> e.outcome() == JournalEntry.Outcome.FAILED
                ? new Interruption("the server refused " + e.script() + ":" + e.line() + e.error().map(m -> " (" + m + ")")
                        .orElse(""), "Fix the cause the server named, then run the same command again: the refused"
                        + " statement runs again.", true)
                : new Interruption("it stopped during " + e.script() + ":" + e.line(), "Run the same command again: it"
                        + " judges that statement from information_schema and goes on.", false));
    }

    /** An unmanaged database with objects of its own must not be touched. */
    boolean isForeign() {
        return state.isEmpty() && !productObjects.isEmpty();
    }
}
