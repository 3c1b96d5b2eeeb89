package org.dbcreator.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.TlsMode;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every command that talks to a server shares. */
public final class ConnectionOptions {

    @Option(names = {"-H", "--host"}, defaultValue = "127.0.0.1", description = "Server host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = {"-P", "--port"}, defaultValue = "3306", description = "Server port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = {"-d", "--database"}, description = "Product database (default: the catalog's, e.g. cloud).")
    String database;

    @Option(names = {"-u", "--user"}, defaultValue = "root", description = "Database user (default: ${DEFAULT-VALUE}).")
    String user;

    @Mixin
    PasswordOptions password = new PasswordOptions();

    @Option(names = "--tls-mode", defaultValue = "PREFERRED", paramLabel = "MODE",
            description = "DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY (default: ${DEFAULT-VALUE}).")
    TlsMode tlsMode;

    @Option(names = "--tls-ca", paramLabel = "FILE", description = "CA certificate (PEM) for VERIFY_CA and VERIFY_IDENTITY.")
    Path tlsCa;

    @Option(names = "--catalog", paramLabel = "DIR", description = "Read the catalog from this folder instead of the bundled one.")
    Path catalogDirectory;

    Catalog catalog() {
        return catalogDirectory == null ? Catalog.bundled() : Catalog.fromDirectory(catalogDirectory);
    }

    ConnectionSettings settings(CliContext context, Catalog catalog) {
        String name = database != null ? database : catalog.manifest().defaultDatabase();
        if (port < 1 || port > 65535) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "Port " + port + " is not a TCP port (1-65535).");
        }
        return new ConnectionSettings(host, port, name, user, password.resolve(context, user), tlsMode,
                Optional.ofNullable(tlsCa));
    }
}
