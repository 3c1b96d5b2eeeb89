package org.dbcreator.engine;

import java.time.Duration;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.Cancellation;

/**
 * How hard a data migration may press the server while nodes run: after each batch it rests for
 * {@code restRatio} times as long as the batch took, holding no lock, so that the nodes' queries get
 * the CPU and the disk in between. A ratio of 1 leaves the server half of the time; 0 runs the
 * batches back to back, right for a fresh deploy, where no node waits.
 */
public record BatchPace(double restRatio) {

    public static final int MAX_RATIO = 10;

    /** Back to back: a deploy, where no node runs. */
    public static final BatchPace FULL_SPEED = new BatchPace(0);

    /** An expand's default: the nodes get as much time as the migration. */
    public static final BatchPace ROLLING = new BatchPace(1);

    public BatchPace {
        if (!(restRatio >= 0 && restRatio <= MAX_RATIO)) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "A rest ratio between data-migration batches must"
                    + " be between 0 and " + MAX_RATIO + ", not " + restRatio + ".");
        }
    }

    /** Rests after a batch that took {@code batchNanos}; a cancel ends the rest at once. */
    void restAfter(long batchNanos, Cancellation cancellation) {
        long rest = (long) (batchNanos * restRatio);
        if (rest > 0) {
            cancellation.pause(Duration.ofNanos(rest));
        }
    }
}
