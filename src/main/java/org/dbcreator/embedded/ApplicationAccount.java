package org.dbcreator.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.dbcreator.db.Identifiers;
import org.dbcreator.db.Secret;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * The account the demo product and the evaluator use instead of root: every privilege on the demo
 * database and none elsewhere. Its password is generated once and kept in a file only its owner
 * can read, which the demo's connection profile names.
 */
public record ApplicationAccount(String user, Secret password, Path passwordFile) {

    /** The account of {@code user} in the demo folder; its password is generated on first use. */
    public static ApplicationAccount in(DemoFolder folder, String user) {
        Identifiers.require(user, "user");
        Path file = folder.passwordFile(user);
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            return new ApplicationAccount(user, Secret.of(content.lines().findFirst().orElse("")), file);
        } catch (IOException e) {
            throw new DbCreatorException(ErrorCode.EMBEDDED_SERVER_FAILED, "Cannot read " + file + ": "
                    + e.getMessage() + ".", e);
        }
    }

    /**
     * Creates the account if needed and (re)sets its password and grants, so that the account
     * matches the password file whatever happened in between. For both 'localhost' and '%', so it
     * matches however the server sees the client.
     */
    public void grantAllOn(Connection root, String database) throws SQLException {
        String quotedDatabase = Identifiers.quote(database);
        String secret = Identifiers.literal(password.reveal());
        try (Statement s = root.createStatement()) {
            for (String host : List.of("localhost", "%")) {
                String account = Identifiers.literal(user) + "@" + Identifiers.literal(host);
                s.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + secret);
                s.execute("ALTER USER " + account + " IDENTIFIED BY " + secret);
                s.execute("GRANT ALL PRIVILEGES ON " + quotedDatabase + ".* TO " + account);
                // the scratch databases in which a backup is restored to prove it, or before it moves in
                s.execute("GRANT ALL PRIVILEGES ON `dbcreator\\_verify\\_%`.* TO " + account);
                s.execute("GRANT ALL PRIVILEGES ON `dbcreator\\_restore\\_%`.* TO " + account);
            }
        }
    }
}
