package org.dbcreator.db;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and how to connect. The same settings serve every command and the wizard.
 *
 * @param database the product database; validated before any SQL is built with it
 * @param caFile the CA certificate (PEM) that verify-ca and verify-identity check against
 */
public record ConnectionSettings(
        String host,
        int port,
        String database,
        String user,
        Secret password,
        TlsMode tlsMode,
        Optional<Path> caFile) {

    public static final int DEFAULT_PORT = 3306;

    public ConnectionSettings {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, not " + port);
        }
    }

    public ConnectionSettings withDatabase(String otherDatabase) {
        return new ConnectionSettings(host, port, otherDatabase, user, password, tlsMode, caFile);
    }

    public ConnectionSettings withUser(String otherUser, Secret otherPassword) {
        return new ConnectionSettings(host, port, database, otherUser, otherPassword, tlsMode, caFile);
    }

    /** "user@host:port/database", for messages; never contains the password. */
    public String describe() {
        return user + "@" + host + ":" + port + "/" + database;
    }
}
