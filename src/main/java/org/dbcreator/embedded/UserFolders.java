package org.dbcreator.embedded;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the tool keeps per-user files: data (the demo server's databases and credentials) and
 * cache (the unpacked server binaries, which can be rebuilt from the jar at any time).
 * {@code DBCREATOR_HOME} overrides both, for tests and for people who want them elsewhere.
 */
public record UserFolders(Path data, Path cache) {

    public static UserFolders fromEnvironment() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static UserFolders from(Map<String, String> env, Path home) {
        String override = env.get("DBCREATOR_HOME");
        if (override != null && !override.isBlank()) {
            Path root = Path.of(override);
            return new UserFolders(root.resolve("data"), root.resolve("cache"));
        }
        Path data = xdg(env, "XDG_DATA_HOME", home.resolve(".local/share"));
        Path cache = xdg(env, "XDG_CACHE_HOME", home.resolve(".cache"));
        return new UserFolders(data.resolve("dbcreator"), cache.resolve("dbcreator"));
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
