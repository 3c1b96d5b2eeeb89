package org.dbcreator.engine;

import java.time.Duration;
import java.util.Optional;
import org.dbcreator.backup.BackupRequest;

/**
 * What an upgrade does about a backup before it changes the schema: require a recent verified
 * one in the history (the default), take one first, or go on without one, which is recorded with
 * who decided it and when.
 *
 * @param take the backup to take first, for {@link Mode#TAKE_FIRST}
 * @param maxAge how old a recorded backup may be, for {@link Mode#REQUIRE_RECENT}
 * @param restoreTest for {@link Mode#TAKE_FIRST}: prove the backup restorable in a scratch database
 *     (the default); false records it as read back only, and the check shows amber
 */
public record BackupPolicy(Mode mode, Optional<BackupRequest> take, Duration maxAge, boolean restoreTest) {

    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

    public enum Mode {
        REQUIRE_RECENT,
        TAKE_FIRST,
        SKIP
    }

    public BackupPolicy {
        if (mode == Mode.TAKE_FIRST && take.isEmpty()) {
            throw new IllegalArgumentException("taking a backup first needs a request");
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the maximum age of a backup must be positive, not " + maxAge);
        }
    }

    public static BackupPolicy defaults() {
        return requireRecent(DEFAULT_MAX_AGE);
    }

    public static BackupPolicy requireRecent(Duration maxAge) {
        return new BackupPolicy(Mode.REQUIRE_RECENT, Optional.empty(), maxAge, true);
    }

    public static BackupPolicy takeFirst(BackupRequest request) {
        return new BackupPolicy(Mode.TAKE_FIRST, Optional.of(request), DEFAULT_MAX_AGE, true);
    }

    /** The backup taken first is only read back, not restore-tested: recorded as such, shown amber. */
    public BackupPolicy withoutRestoreTest() {
        return new BackupPolicy(mode, take, maxAge, false);
    }

    public static BackupPolicy skip() {
        return new BackupPolicy(Mode.SKIP, Optional.empty(), DEFAULT_MAX_AGE, false);
    }
}
