package org.dbcreator.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.dbcreator.db.Database;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * The manifest's character set and collation, which a restore creates the database with, must be
 * ones the server knows: asked before anything changes, so that a changed manifest or a server
 * that lacks them is a clear refusal rather than a failed CREATE DATABASE.
 */
final class ServerCharacterSets {

    private ServerCharacterSets() {}

    static void require(Database server, BackupCheck.Result check) throws SQLException {
        if (check.manifest().isEmpty()) {
            return;
        }
        BackupManifest m = check.manifest().get();
        try (Connection c = server.serverConnection(); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM"
                + " information_schema.COLLATIONS WHERE CHARACTER_SET_NAME = ? AND COLLATION_NAME = ?")) {
            ps.setString(1, m.characterSet());
            ps.setString(2, m.collation());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        String what = "This server knows no character set '" + m.characterSet() + "' with collation '" + m.collation()
                + "', which the manifest names (fields characterSet and collation)";
        if (check.manifestProved()) {
            throw new DbCreatorException(ErrorCode.RESTORE_FAILED, what + ": the backup comes from a server that has them."
                    + " Restore it on a server of that release. Nothing was changed.");
        }
        throw new DbCreatorException(ErrorCode.BACKUP_DAMAGED, what + ": the manifest was changed, or the backup comes from"
                + " a server that has them. Nothing was changed.");
    }
}
