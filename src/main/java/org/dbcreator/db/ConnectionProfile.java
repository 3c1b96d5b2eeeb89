package org.dbcreator.db;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Connection settings kept in a properties file so that nobody retypes them: everything but the
 * password, which stays where passwords belong (a private file, the environment, a prompt). Each
 * setting is optional; what a profile leaves out falls back to the defaults. Relative paths are
 * relative to the profile's own folder, so a profile can travel with the files it names.
 *
 * @param file where the profile was read from or is written to, for messages
 * @param environment a label the wizard shows beside the connection (e.g. {@code production}), and
 *     which asks for the database name to be typed before a write
 */
public record ConnectionProfile(
        Path file,
        Optional<String> host,
        Optional<Integer> port,
        Optional<String> database,
        Optional<String> user,
        Optional<TlsMode> tlsMode,
        Optional<Path> tlsCa,
        Optional<String> passwordEnv,
        Optional<Path> passwordFile,
        Optional<Path> catalog,
        Optional<String> environment) {

    /** The keys a profile may hold, in the order they are written. */
    public static final List<String> KEYS = List.of("host", "port", "database", "user", "tls-mode", "tls-ca",
            "password-env", "password-file", "catalog", "environment");

    private static final java.util.regex.Pattern ENVIRONMENT = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    /** A profile that sets nothing: every setting comes from the command line or the defaults. */
    public static ConnectionProfile none() {
        Optional<String> text = Optional.empty();
        Optional<Path> path = Optional.empty();
        return new ConnectionProfile(Path.of(""), text, Optional.empty(), text, text, Optional.empty(), path, text,
                path, path, text);
    }

    /** A profile for a plain connection whose password is in {@code passwordFile}. */
    public static ConnectionProfile of(Path file, String host, int port, String database, String user, Path passwordFile) {
        return new ConnectionProfile(file, Optional.of(host), Optional.of(port), Optional.of(database),
                Optional.of(user), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(passwordFile),
                Optional.empty(), Optional.empty());
    }

    /** Reads and checks a profile; a key it does not know, above all {@code password}, is refused. */
    public static ConnectionProfile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "There is no connection profile " + file
                    + ". Create it (keys: " + String.join(", ", KEYS) + "), or give the path of an existing profile.");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(file, "it cannot be read (" + e.getMessage() + ")");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            if (key.equalsIgnoreCase("password")) {
                throw invalid(file, "it holds the key 'password', and a profile never holds a password. Remove that"
                        + " line and name where the password is kept with password-file or password-env instead");
            }
            if (!KEYS.contains(key)) {
                throw invalid(file, "unknown key '" + key + "'. A profile may hold " + String.join(", ", KEYS));
            }
            String value = properties.getProperty(key).strip();
            if (!value.isEmpty()) {
                values.put(key, value);
            }
        }
        Path folder = file.toAbsolutePath().getParent();
        return new ConnectionProfile(file, text(values, "host"), port(file, values), text(values, "database"),
                text(values, "user"), tlsMode(file, values), path(folder, values, "tls-ca"),
                text(values, "password-env"), path(folder, values, "password-file"), path(folder, values, "catalog"),
                environment(file, values));
    }

    /** The profile as a properties file, with a note that says why there is no password in it. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("# DatabaseCreator connection profile: use it with --profile ").append(file).append('\n');
        out.append("# Passwords never go in here: password-file or password-env says where it is kept.\n");
        Map<String, Optional<?>> settings = new LinkedHashMap<>();
        settings.put("host", host);
        settings.put("port", port);
        settings.put("database", database);
        settings.put("user", user);
        settings.put("tls-mode", tlsMode);
        settings.put("tls-ca", tlsCa);
        settings.put("password-env", passwordEnv);
        settings.put("password-file", passwordFile);
        settings.put("catalog", catalog);
        settings.put("environment", environment);
        settings.forEach((key, value) -> value.ifPresent(v -> out.append(key).append('=').append(escape(v)).append('\n')));
        return out.toString();
    }

    private static String escape(Object value) {
        return value.toString().replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static Optional<String> text(Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key));
    }

    private static Optional<Path> path(Path folder, Map<String, String> values, String key) {
        return text(values, key).map(folder::resolve);
    }

    private static Optional<Integer> port(Path file, Map<String, String> values) {
        Optional<String> text = text(values, "port");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(text.get());
            if (port >= 1 && port <= 65535) {
                return Optional.of(port);
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        throw invalid(file, "port '" + text.get() + "' is not a TCP port (1-65535)");
    }

    private static Optional<String> environment(Path file, Map<String, String> values) {
        Optional<String> label = text(values, "environment");
        if (label.isPresent() && !ENVIRONMENT.matcher(label.get()).matches()) {
            throw invalid(file, "environment '" + label.get() + "' is not a label: use 1 to 32 letters, digits, '_', '.'"
                    + " or '-', e.g. production");
        }
        return label;
    }

    private static Optional<TlsMode> tlsMode(Path file, Map<String, String> values) {
        Optional<String> text = text(values, "tls-mode");
        try {
            return text.map(t -> TlsMode.valueOf(t.toUpperCase().replace('-', '_')));
        } catch (IllegalArgumentException e) {
            throw invalid(file, "tls-mode '" + text.get() + "' is not one of "
                    + Arrays.stream(TlsMode.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static DbCreatorException invalid(Path file, String why) {
        return new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "The connection profile " + file + " is refused: "
                + why + ".");
    }
}
