package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.backup.BackupOperation;
import org.dbcreator.backup.BackupRequest;
import org.dbcreator.backup.BackupResult;
import org.dbcreator.backup.VerifyOperation;
import org.dbcreator.backup.VerifyResult;
import org.dbcreator.db.Database;
import org.dbcreator.db.Privileges;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressEvent;

/**
 * A backup and, unless the operator opts out, the proof that it restores: the file read back is
 * only the file; restored into a scratch database and compared table by table with its manifest,
 * it is a way back. Only then is it recorded {@code RESTORE_TEST}, which the upgrade's gate wants.
 */
final class VerifiedBackup {

    private VerifiedBackup() {}

    /**
     * @param restoreTest false when the operator opts out: the backup stays recorded as read back
     *     only ({@code FILE}), and the upgrade's gate shows it amber
     * @param underLock true inside an operation that holds the operator lock already
     */
    static TakenBackup take(OperationContext context, BackupRequest request, boolean restoreTest, boolean underLock)
            throws SQLException {
        if (restoreTest) {
            requireScratchPrivileges(context.database());
        }
        BackupResult backup = new BackupOperation(context.database(), context.history(), context.listener(),
                context.installedBy(), context.cancellation()).run(request, underLock);
        if (!restoreTest) {
            context.listener().onEvent(new ProgressEvent.Notice("The restore test is skipped, as asked: the backup is"
                    + " recorded as read back only, not as proved restorable."));
            return new TakenBackup(backup, Optional.empty());
        }
        VerifyResult tested = new VerifyOperation(context.catalog(), context.database(), context.history(),
                context.listener(), context.installedBy(), context.cancellation()).restoreTest(backup.files().dump(), request.connections());
        return new TakenBackup(backup, Optional.of(tested));
    }

    /** The scratch databases are named {@code dbcreator_verify_} and 12 hexadecimal digits. */
    static final String SCRATCH_PATTERN = "dbcreator\\_verify\\_%";
    static final String SCRATCH_GRANT = "`" + SCRATCH_PATTERN + "`.*";

    /** What the account lacks to create and drop a scratch database, or nothing. */
    static Set<String> missingScratchPrivileges(Database database) throws SQLException {
        try (Connection c = database.serverConnection()) {
            return Privileges.missing(c, "dbcreator_verify_000000000000", List.of("CREATE", "DROP"));
        }
    }

    /** Refuses before the backup is taken, rather than after, when the restore test could not run. */
    static void requireScratchPrivileges(Database database) throws SQLException {
        Set<String> missing = missingScratchPrivileges(database);
        if (!missing.isEmpty()) {
            throw new DbCreatorException(ErrorCode.INSUFFICIENT_PRIVILEGES, "The restore test that proves the backup"
                    + " needs " + String.join(" and ", missing) + " on scratch databases: GRANT ALL ON " + SCRATCH_GRANT
                    + " TO '" + database.settings().user() + "', or skip the restore test (recorded as read back"
                    + " only).", List.of(new NextAction.Grant(Set.of("ALL"), SCRATCH_PATTERN), new NextAction.SkipRestoreTest()));
        }
    }
}
