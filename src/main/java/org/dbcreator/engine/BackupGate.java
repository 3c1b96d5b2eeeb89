package org.dbcreator.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.Database;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.BackupRecord;
import org.dbcreator.history.JdbcHistory;

/**
 * The "Backup" pre-flight check of an upgrade: green with a recent backup that was proved
 * restorable (restored into a scratch database and compared), amber with one that was only read
 * back (its restore test skipped) or when the operator skips the backup, red without one.
 */
final class BackupGate {

    static final PreflightCheck.Id NAME = PreflightCheck.Id.BACKUP;

    private BackupGate() {}

    /** @param target the release the upgrade goes to, for the fixes that upgrade */
    static PreflightCheck of(Database database, JdbcHistory history, Version schema, Version target, BackupPolicy policy)
            throws SQLException {
        return switch (policy.mode()) {
            case SKIP -> PreflightCheck.amber(NAME, "Skipped at the operator's request; the skip is recorded with who and"
                    + " when. Unless there is another way back, take one first.", new NextAction.TakeBackup(),
                    new NextAction.UpgradeWithBackup(target));
            case TAKE_FIRST -> takenFirst(database, policy);
            case REQUIRE_RECENT -> recent(database, history, schema, target, policy.maxAge());
        };
    }

    private static PreflightCheck takenFirst(Database database, BackupPolicy policy) throws SQLException {
        Path directory = policy.take().orElseThrow().directory();
        if (!policy.restoreTest()) {
            return PreflightCheck.amber(NAME, "A backup to " + directory + " is taken first and read back, but its"
                    + " restore test is skipped at the operator's request: it is not proved restorable. Unless there is"
                    + " another way back, let it be restore-tested.");
        }
        if (!VerifiedBackup.missingScratchPrivileges(database).isEmpty()) {
            return PreflightCheck.red(NAME, "The backup taken first cannot be restore-tested: the user may not create"
                    + " and drop the scratch databases it needs (" + VerifiedBackup.SCRATCH_GRANT + ").",
                    ErrorCode.INSUFFICIENT_PRIVILEGES, new NextAction.Grant(Set.of("ALL"), VerifiedBackup.SCRATCH_PATTERN),
                    new NextAction.SkipRestoreTest());
        }
        return PreflightCheck.green(NAME, "A backup to " + directory + " is taken first, while this run holds the lock,"
                + " and restore-tested.");
    }

    private static PreflightCheck recent(Database database, JdbcHistory history, Version schema, Version target,
            Duration maxAge)
            throws SQLException {
        Optional<BackupRecord> tested;
        Optional<BackupRecord> latest;
        Optional<BackupRecord> own;
        try (Connection c = database.productConnection()) {
            tested = history.latestRestoreTestedBackup(c, schema);
            latest = history.latestVerifiedBackup(c, schema);
            own = history.latestOwnBackup(c, schema);
        }
        return recent(database.databaseName(), schema, target, maxAge, tested, latest, own);
    }

    /** Pure: as {@link #recent(String, Version, Version, Duration, Optional, Optional)}, also knowing the operator's own backup. */
    static PreflightCheck recent(String db, Version schema, Version target, Duration maxAge,
            Optional<BackupRecord> latestTested, Optional<BackupRecord> latest, Optional<BackupRecord> own) {
        PreflightCheck verdict = recent(db, schema, target, maxAge, latestTested, latest);
        Optional<BackupRecord> declared = own.filter(b -> b.age().compareTo(maxAge) <= 0);
        if (!verdict.isRed() || declared.isEmpty()) {
            return verdict;
        }
        BackupRecord b = declared.get();
        return PreflightCheck.amber(NAME, b.recordedBy() + " declared " + ago(b.age()) + " a backup of their own of '"
                + db + "' at " + schema + ", confirmed by typing the database name; the tool has neither seen nor"
                + " verified it.", new NextAction.UpgradeWithBackup(target));
    }

    /** Pure: the verdict on the backups the history records at {@code schema}. */
    static PreflightCheck recent(String db, Version schema, Version target, Duration maxAge,
            Optional<BackupRecord> latestTested, Optional<BackupRecord> latest) {
        Optional<BackupRecord> tested = latestTested.filter(b -> b.age().compareTo(maxAge) <= 0);
        if (tested.isPresent()) {
            BackupRecord b = tested.get();
            return PreflightCheck.green(NAME, b.file().orElse("?") + ", taken " + ago(b.age()) + " at " + schema
                    + ", restored into a scratch database and compared with its manifest.");
        }
        if (latest.isPresent() && latest.get().age().compareTo(maxAge) <= 0) {
            BackupRecord b = latest.get();
            return PreflightCheck.amber(NAME, b.file().orElse("?") + ", taken " + ago(b.age()) + " at " + schema
                    + ", was read back but never restore-tested: it is not proved restorable.",
                    b.file().<NextAction>map(NextAction.RestoreTest::new).orElse(new NextAction.UpgradeWithBackup(target)));
        }
        String reason = latest.isPresent()
                ? "The latest verified backup at " + schema + " (" + latest.get().file().orElse("?") + ") was taken "
                        + ago(latest.get().age()) + ", longer ago than " + describe(maxAge) + "."
                : "No verified backup of '" + db + "' at " + schema + " is recorded.";
        return PreflightCheck.red(NAME, reason, ErrorCode.BACKUP_REQUIRED, new NextAction.UpgradeWithBackup(target),
                new NextAction.UpgradeWithoutBackup(target));
    }

    private static String ago(Duration age) {
        return describe(age) + " ago";
    }

    /** e.g. "40 s", "25 min", "3 h", "2 d". */
    static String describe(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return seconds < 172_800 ? seconds / 3600 + " h" : seconds / 86_400 + " d";
    }
}
