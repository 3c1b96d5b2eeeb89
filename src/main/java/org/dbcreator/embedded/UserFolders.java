package org.dbcreator.embedded;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the tool keeps per-user files: data (the demo server's databases and credentials), cache
 * (the unpacked server binaries, which can be rebuilt from the jar at any time) and config (named
 * connection profiles). {@code DBCREATOR_HOME} overrides all three, for tests and for people who
 * want them elsewhere; otherwise the XDG base directories apply.
 */
public record UserFolders(Path data, Path cache, Path config) {

    public static UserFolders fromEnvironment() {
        return from(System.getenv());
    }

    /** The folders for the given environment, e.g. the one a command was started with. */
    public static UserFolders from(Map<String, String> env) {
        return from(env, Path.of(System.getProperty("user.home")));
    }

    static UserFolders from(Map<String, String> env, Path home) {
        String override = env.get("DBCREATOR_HOME");
        if (override != null && !override.isBlank()) {
            Path root = Path.of(override);
            return new UserFolders(root.resolve("data"), root.resolve("cache"), root.resolve("config"));
        }
        Path data = xdg(env, "XDG_DATA_HOME", home.resolve(".local/share"));
        Path cache = xdg(env, "XDG_CACHE_HOME", home.resolve(".cache"));
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        return new UserFolders(data.resolve("dbcreator"), cache.resolve("dbcreator"), config.resolve("dbcreator"));
    }

    /** The file of the profile called {@code name}: {@code <config>/profiles/<name>.properties}. */
    public Path profile(String name) {
        return config.resolve("profiles").resolve(name + ".properties");
    }

    /** The folder of the demo server started by {@code dbcreator demo}. */
    public Path demo() {
        return data.resolve("demo");
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
