package org.dbcreator.demo;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Makes the rows of one sample table. A row's values come from the batch's random numbers, drawn
 * in order, and from the {@link SampleWorld}'s facts about other tables.
 */
interface SampleRows {

    /** The values of row {@code id}, in the order of {@link SampleTable}'s columns. */
    Object[] row(long id, SplittableRandom random);

    /** A time after {@code from} and before the end of the sample's period, for removed rows. */
    static LocalDateTime laterThan(LocalDateTime from, SplittableRandom random) {
        long seconds = Duration.between(from, SampleClock.END).getSeconds();
        return from.plusSeconds(1 + (long) (random.nextDouble() * Math.max(1, seconds - 1)));
    }
}
