package org.dbcreator.backup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.dbcreator.db.Database;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * The database a restore loads into before it is moved into the target: named after the target
 * ({@code dbcreator_restore_} and a hash of its name), so that the next restore into the same
 * target finds and drops what a killed one left, under the target's lock. Dropped when closed.
 */
final class ScratchDatabase implements AutoCloseable {

    static final String PREFIX = "dbcreator_restore_";

    private final Database database;
    private final String holdName;
    private final Consumer<String> notice;

    private ScratchDatabase(Database database, String holdName, Consumer<String> notice) {
        this.database = database;
        this.holdName = holdName;
        this.notice = notice;
    }

    /** Creates it next to {@code target}, with the backup's character set; a leftover of the same name is dropped first. */
    static ScratchDatabase create(Database target, Optional<BackupManifest> manifest, Consumer<String> notice)
            throws SQLException {
        String name = nameFor(target.databaseName());
        Database db = Database.connect(target.settings().withDatabase(name));
        ScratchDatabase scratch = new ScratchDatabase(db, name + "_old_" + UUID.randomUUID().toString().substring(0, 8), notice);
        try {
            RestoreTarget restoreTarget = new RestoreTarget(db);
            if (restoreTarget.contents().exists()) {
                notice.accept("Dropping '" + name + "', left by a restore into '" + target.databaseName() + "' that was stopped.");
                restoreTarget.dropDatabase();
            }
            BackupManifest m = manifest.orElse(null);
            restoreTarget.create(m == null ? "utf8mb4" : m.characterSet(), m == null ? "" : m.collation());
            return scratch;
        } catch (SQLException e) {
            db.close();
            if (e.getErrorCode() == 1044) {
                throw new DbCreatorException(ErrorCode.INSUFFICIENT_PRIVILEGES, "A restore loads the file into the scratch"
                        + " database '" + name + "' and moves it into '" + target.databaseName() + "' once it is proved, but"
                        + " user '" + target.settings().user() + "' may not create it (" + e.getMessage() + "). Grant ALL ON `"
                        + PREFIX.replace("_", "\\_") + "%`.* to this user.", e);
            }
            throw e;
        }
    }

    static String nameFor(String target) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(target.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Database database() {
        return database;
    }

    String name() {
        return database.databaseName();
    }

    /** A database for the target's old tables during the swap, of the same prefix (one grant covers both). */
    String holdName() {
        return holdName;
    }

    @Override
    public void close() {
        try {
            new RestoreTarget(database).dropDatabase();
        } catch (SQLException e) {
            notice.accept("Could not drop the scratch database '" + name() + "': " + e.getMessage()
                    + ". The next restore into the same database drops it.");
        } finally {
            database.close();
        }
    }
}
