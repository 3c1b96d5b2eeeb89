package org.dbcreator.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Copies of the bundled catalog that a test may break. */
public final class TestCatalogs {

    private TestCatalogs() {}

    public static Path copyOfBundled(Path temp) throws IOException {
        Path target = temp.resolve("catalog");
        Path source = Path.of("sql");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    /** A copy of the bundled catalog whose manifest {@code edit} changed. */
    public static Path withManifest(Path temp, UnaryOperator<String> edit) throws IOException {
        Path catalog = copyOfBundled(temp);
        Path manifest = catalog.resolve("manifest.yaml");
        Files.writeString(manifest, edit.apply(Files.readString(manifest)));
        return catalog;
    }

    /** Writes a catalog into {@code dir}: its manifest and its scripts, by path. */
    public static Path write(Path dir, String manifest, Map<String, String> scripts) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.yaml"), manifest);
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            Path file = dir.resolve(script.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, script.getValue());
        }
        return dir;
    }

    /** A copy of the bundled catalog whose node heartbeats go stale after {@code staleAfter} (e.g. "2s"). */
    public static Path withStaleAfter(Path temp, String staleAfter) throws IOException {
        return withManifest(temp, manifest -> manifest.replace("stale-after: 30s", "stale-after: " + staleAfter));
    }
}
