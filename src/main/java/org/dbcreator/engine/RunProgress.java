package org.dbcreator.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.dbcreator.catalog.Version;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.history.Phase;

/**
 * How far the run under way (or stopped) has got, as its journal on the server says: what another
 * operator's process is doing while it holds the lock, read without taking it.
 *
 * @param phase the phase the run put the database in (DEPLOYING, EXPANDING, CLEANING, ROLLING_BACK)
 * @param target the release it aims at
 * @param newest the run's newest journal row; empty until it has written one
 * @param description the description of the Java step (data migration, sample data) the newest row
 *     belongs to, what a front end shows instead of its class name; empty for a SQL script
 * @param statements how many statements the newest row's script holds; empty for a data migration's batch
 * @param written how long ago the newest row was written, by the server's clock
 */
public record RunProgress(Phase phase, Version target, Optional<JournalEntry> newest, String description,
        OptionalInt statements, Optional<Duration> written) {

    /** True when the newest row is a data migration's batch rather than a script's statement. */
    public boolean atBatch() {
        return newest.map(e -> BatchRunner.BATCH_CHECKSUM.equals(e.checksum())).orElse(false);
    }
}
