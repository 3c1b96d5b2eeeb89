package org.dbcreator.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionProfile;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.db.TlsMode;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to a server shares. Each setting comes from the command
 * line if given there, else from the {@code --profile}, else from the default; so the options have
 * no picocli defaults, which would make "given on the command line" undetectable.
 */
public final class ConnectionOptions {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = ConnectionSettings.DEFAULT_PORT;
    static final String DEFAULT_USER = "root";
    static final TlsMode DEFAULT_TLS_MODE = TlsMode.PREFERRED;

    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    @Option(names = "--profile", paramLabel = "NAME|FILE", description = "Connection settings from a profile:"
            + " NAME reads ~/.config/dbcreator/profiles/NAME.properties, a path (with a '/' or ending in .properties)"
            + " reads that file. Options given here override the profile.")
    String profile;

    @Option(names = {"-H", "--host"}, description = "Server host (default: " + DEFAULT_HOST + ").")
    String host;

    @Option(names = {"-P", "--port"}, description = "Server port (default: " + DEFAULT_PORT + ").")
    Integer port;

    @Option(names = {"-d", "--database"}, description = "Product database (default: the catalog's, e.g. cloud).")
    String database;

    @Option(names = {"-u", "--user"}, description = "Database user (default: " + DEFAULT_USER + ").")
    String user;

    @Mixin
    PasswordOptions password = new PasswordOptions();

    @Option(names = "--tls-mode", paramLabel = "MODE",
            description = "DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY (default: PREFERRED).")
    TlsMode tlsMode;

    @Option(names = "--tls-ca", paramLabel = "FILE", description = "CA certificate (PEM) for VERIFY_CA and VERIFY_IDENTITY.")
    Path tlsCa;

    @Option(names = "--catalog", paramLabel = "DIR", description = "Read the catalog from this folder instead of the bundled one.")
    Path catalogDirectory;

    /** What a command connects to, and with which catalog. */
    record Target(Catalog catalog, ConnectionSettings settings) {}

    Target resolve(CliContext context) {
        ConnectionProfile p = profile(context);
        Optional<Path> catalogFolder = given(catalogDirectory, p.catalog());
        Catalog catalog = catalogFolder.map(Catalog::fromDirectory).orElseGet(Catalog::bundled);
        int chosenPort = given(port, p.port()).orElse(DEFAULT_PORT);
        if (chosenPort < 1 || chosenPort > 65535) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "Port " + chosenPort + " is not a TCP port (1-65535).");
        }
        String chosenUser = given(user, p.user()).orElse(DEFAULT_USER);
        ConnectionSettings settings = new ConnectionSettings(given(host, p.host()).orElse(DEFAULT_HOST), chosenPort,
                given(database, p.database()).orElse(catalog.manifest().defaultDatabase()), chosenUser,
                password.resolve(context, chosenUser, p), given(tlsMode, p.tlsMode()).orElse(DEFAULT_TLS_MODE),
                given(tlsCa, p.tlsCa()));
        return new Target(catalog, settings);
    }

    /** The connection options given on the command line, each with its value (empty for a flag), to repeat in a next step. */
    Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        putGiven(given, "--profile", profile);
        putGiven(given, "--host", host);
        putGiven(given, "--port", port);
        putGiven(given, "--database", database);
        putGiven(given, "--user", user);
        putGiven(given, "--tls-mode", tlsMode);
        putGiven(given, "--tls-ca", tlsCa);
        putGiven(given, "--catalog", catalogDirectory);
        given.putAll(password.given());
        return given;
    }

    private static void putGiven(Map<String, String> given, String option, Object value) {
        if (value != null) {
            given.put(option, value.toString());
        }
    }

    /** Connects the engine to the resolved server with the resolved catalog. */
    DbCreator connect(CliContext context, ProgressListener listener) {
        Target target = resolve(context);
        return DbCreator.connect(target.catalog(), target.settings(), listener);
    }

    private ConnectionProfile profile(CliContext context) {
        if (profile == null) {
            return ConnectionProfile.none();
        }
        if (profile.contains("/") || profile.endsWith(".properties")) {
            return ConnectionProfile.read(Path.of(profile));
        }
        if (!PROFILE_NAME.matcher(profile).matches()) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "'" + profile + "' is not a profile name: use"
                    + " letters, digits, '_', '.' and '-', or give the profile file's path.");
        }
        return ConnectionProfile.read(context.folders().profile(profile));
    }

    /** The command line's value when given there, else the profile's. */
    private static <T> Optional<T> given(T commandLine, Optional<T> fromProfile) {
        return commandLine != null ? Optional.of(commandLine) : fromProfile;
    }
}
