package org.dbcreator.engine;

import java.util.Optional;
import org.dbcreator.backup.BackupResult;
import org.dbcreator.backup.VerifyResult;

/**
 * A backup taken, and its restore test when one ran.
 *
 * @param restoreTest absent when the operator opted out of it
 */
public record TakenBackup(BackupResult backup, Optional<VerifyResult> restoreTest) {

    /** True when the backup was restored into a scratch database, compared and recorded as restore-tested. */
    public boolean provedRestorable() {
        return restoreTest.map(VerifyResult::recordedRestoreTest).orElse(false);
    }
}
